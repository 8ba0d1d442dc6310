// swift-tools-version:6.0
import PackageDescription

// Layers (see docs/architecture.md):
//   C:      CLua · CYAML · CProtobufC · CGRPCCore (system) · CTemporalProto (generated) · CGrpcShim · CLuaShim
//   Swift:  TemporalModel (pure values) · TemporalWire (only importer of CTemporalProto)
//           TemporalRPC (only importer of CGrpcShim) · LuaRuntime (only importer of CLua/CLuaShim)
//           Replay (pure) · Registry (YAML) · WorkflowRuntime · ActivityRuntime · Worker · moonflow
// Release builds make a lean daemon (see README, "Memory"): gRPC core and
// everything it needs (abseil, re2, upb, c-ares, OpenSSL, zlib), Lua,
// libyaml and protobuf-c come from Debian's static archives, and lld links with packed relative relocations
// (DT_RELR) and without exporting every Swift symbol (a dynamic symbol
// table ld.so would page through). Build with `--static-swift-stdlib` too
// (bench/run.sh, scripts/run-example.sh and the README do), which links the
// Swift runtime and FoundationEssentials in. Each shared library costs
// resident pages of its own (symbol tables, relocations, partly used
// pages). Debug builds (the tests) link gRPC dynamically, as before.
let staticGRPC = [
    "grpc", "address_sorting", "re2", "upb", "cares", "z", "gpr", "ssl", "crypto",
    "absl_throw_delegate", "absl_raw_logging_internal", "absl_raw_hash_set", "absl_hashtablez_sampler",
    "absl_hash", "absl_city", "absl_low_level_hash", "absl_random_distributions", "absl_random_seed_sequences",
    "absl_random_internal_pool_urbg", "absl_random_internal_randen", "absl_random_internal_randen_hwaes",
    "absl_random_internal_randen_hwaes_impl", "absl_random_internal_randen_slow",
    "absl_random_internal_platform", "absl_random_internal_seed_material", "absl_random_seed_gen_exception",
    "absl_statusor", "absl_status", "absl_cord", "absl_cordz_info", "absl_cord_internal",
    "absl_cordz_functions", "absl_exponential_biased", "absl_cordz_handle", "absl_bad_optional_access",
    "absl_strerror", "absl_str_format_internal", "absl_synchronization", "absl_graphcycles_internal",
    "absl_stacktrace", "absl_symbolize", "absl_debugging_internal", "absl_demangle_internal",
    "absl_malloc_internal", "absl_time", "absl_civil_time", "absl_strings", "absl_strings_internal",
    "absl_base", "absl_spinlock_wait", "absl_int128", "absl_time_zone", "absl_bad_variant_access",
    "absl_log_severity",
]
let grpcLinking: [LinkerSetting] = [
    .linkedLibrary("grpc", .when(configuration: .debug)),
    .linkedLibrary("gpr", .when(configuration: .debug)),
    .unsafeFlags(["-Xlinker", "--start-group"] + staticGRPC.flatMap { ["-Xlinker", "-l:lib\($0).a"] }
                 + ["-Xlinker", "--end-group", "-ldl", "-lrt"], .when(configuration: .release)),
]
/// A Debian C library: the shared one in debug builds, the static archive in release builds.
func cLibrary(_ name: String) -> [LinkerSetting] {
    [.linkedLibrary(name, .when(configuration: .debug)),
     .unsafeFlags(["-Xlinker", "-l:lib\(name).a"], .when(configuration: .release))]
}
// The functions that run, first in .text (bench/order/trace.sh writes the
// list): the kernel maps code 64 KiB at a time around each page fault, so
// running code spread over the whole .text kept most of it resident.
let orderFile = Context.packageDirectory + "/bench/order/moonflow.order"
let leanExecutable: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "--no-export-dynamic",
                  "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                  "-Xlinker", "--symbol-ordering-file=\(orderFile)", "-Xlinker", "--no-warn-symbol-ordering"],
                 .when(configuration: .release)),
]

let package = Package(
    name: "Moonflow",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "moonflow", targets: ["moonflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // System libraries. grpc deliberately has no pkgConfig: its Requires
        // chain overflows the linker command line (see docs/architecture.md).
        // Linked by the targets that use them (`cLibrary`): dynamically in
        // debug builds, from the static archive in release builds.
        .systemLibrary(name: "CLua", providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CYAML", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CProtobufC", providers: [.apt(["libprotobuf-c-dev"])]),
        .systemLibrary(name: "CGRPCCore", providers: [.apt(["libgrpc-dev"])]),

        // C targets.
        .target(name: "CTemporalProto", dependencies: ["CProtobufC"], linkerSettings: cLibrary("protobuf-c")),
        .target(name: "CGrpcShim", dependencies: ["CGRPCCore"], linkerSettings: grpcLinking),
        .target(name: "CLuaShim", dependencies: ["CLua"], linkerSettings: cLibrary("lua5.4")),

        // Swift layers.
        .target(name: "TemporalModel"),
        .target(name: "Handoff"),
        .target(name: "TemporalWire", dependencies: ["TemporalModel", "CTemporalProto", "CProtobufC"]),
        .target(name: "TemporalRPC", dependencies: [
            "TemporalModel", "TemporalWire", "CGrpcShim", "Handoff",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "LuaRuntime", dependencies: ["TemporalModel", "CLuaShim", "CLua", "Handoff"]),
        .target(name: "Replay", dependencies: ["TemporalModel"]),
        .target(name: "Registry", dependencies: ["TemporalModel", "CYAML"], linkerSettings: cLibrary("yaml")),
        .target(name: "WorkflowRuntime", dependencies: ["TemporalModel", "Replay", "LuaRuntime", "Registry"]),
        .target(name: "Client", dependencies: ["TemporalModel", "TemporalRPC", "Registry"]),
        .target(name: "ActivityRuntime", dependencies: ["TemporalModel", "LuaRuntime", "Registry", "Client", "TemporalRPC", "Handoff"]),
        .target(name: "Observability", dependencies: [
            "TemporalModel", "TemporalRPC",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .target(name: "Worker", dependencies: [
            "TemporalModel", "TemporalRPC", "Replay", "WorkflowRuntime", "ActivityRuntime", "Registry", "LuaRuntime",
            "Observability", "Handoff",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "moonflow", dependencies: [
            "Worker", "Registry", "TemporalRPC", "TemporalModel", "WorkflowRuntime", "Replay", "TemporalWire", "Client",
            "Observability",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], linkerSettings: leanExecutable),

        // Tests. Unit tests need no server; IntegrationTests start a real
        // `temporal server start-dev` (see Tests/TestSupport/DevServer.swift).
        .testTarget(name: "TemporalModelTests", dependencies: ["TemporalModel"]),
        .testTarget(name: "HandoffTests", dependencies: ["Handoff"]),
        .target(name: "TestSupport", dependencies: ["TemporalModel"], path: "Tests/TestSupport"),
        .testTarget(name: "TemporalWireTests", dependencies: ["TemporalWire", "TemporalModel"]),
        .testTarget(name: "TemporalRPCTests", dependencies: ["TemporalRPC", "TemporalWire", "TemporalModel", "TestSupport", "CGrpcShim"]),
        .testTarget(name: "LuaRuntimeTests", dependencies: ["LuaRuntime", "TemporalModel", "Handoff"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "TemporalModel", "TestSupport"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry"]),
        .testTarget(name: "ClientTests", dependencies: ["Client", "TemporalModel", "TemporalRPC", "Registry"]),
        .testTarget(name: "WorkflowRuntimeTests", dependencies: ["WorkflowRuntime", "Replay", "Registry", "TemporalModel", "TestSupport"]),
        .testTarget(name: "FuzzTests", dependencies: ["TemporalModel", "WorkflowRuntime", "Replay", "Registry", "TestSupport", "TemporalWire"]),
        .testTarget(name: "WorkerTests", dependencies: ["Worker", "TemporalModel", "TemporalRPC", "WorkflowRuntime",
                                                      "ActivityRuntime", "Registry", "TestSupport"]),
        .testTarget(name: "ObservabilityTests", dependencies: ["Observability", "TemporalModel", "TemporalRPC"]),
        .testTarget(name: "IntegrationTests", dependencies: ["TemporalRPC", "TemporalModel", "Worker", "Registry", "TestSupport"],
                    exclude: ["python"]),
    ]
)

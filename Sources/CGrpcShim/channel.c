/* Channel creation (insecure, TLS, or TLS without server verification) and
 * destruction. */
#define _GNU_SOURCE
#include "mfg_internal.h"

#include <grpc/grpc_security.h>
#include <stdlib.h>
#include <string.h>

/* Copies pointer+length bytes into a fresh NUL-terminated string
 * (NULL stays NULL). Sets *failed on allocation failure. */
static char *mfg_cstring(const uint8_t *bytes, size_t len, int *failed) {
    if (bytes == NULL) return NULL;
    char *s = malloc(len + 1);
    if (s == NULL) { *failed = 1; return NULL; }
    memcpy(s, bytes, len);
    s[len] = '\0';
    return s;
}

/* Frees and wipes a copied secret. */
static void mfg_free_secret(char *s) {
    if (s == NULL) return;
    volatile char *v = s;
    while (*v) *v++ = 0;
    free(s);
}

/* TLS that does not verify the server (insecure_skip_verify), built with
 * grpc's experimental TLS credentials: chain verification off, a no-op
 * verifier in place of the default host name check, and no per-call host
 * check. The handshake still encrypts, and with `cert` and `key` the client
 * still presents its certificate (a static certificate provider). */
static grpc_channel_credentials *mfg_make_unverified_tls(const char *cert, const char *key, int *rc) {
    grpc_tls_credentials_options *opts = grpc_tls_credentials_options_create();
    if (opts == NULL) {
        *rc = MFG_E_CREDENTIALS;
        return NULL;
    }
    grpc_tls_credentials_options_set_verify_server_cert(opts, 0);
    grpc_tls_credentials_options_set_check_call_host(opts, 0);
    /* Without a verifier grpc installs its host name verifier. */
    grpc_tls_certificate_verifier *verifier = grpc_tls_certificate_verifier_no_op_create();
    grpc_tls_credentials_options_set_certificate_verifier(opts, verifier); /* takes its own ref */
    grpc_tls_certificate_verifier_release(verifier);
    if (cert != NULL) {
        grpc_tls_identity_pairs *pairs = grpc_tls_identity_pairs_create();
        grpc_tls_identity_pairs_add_pair(pairs, key, cert); /* copies both */
        /* No root certificates: none are watched, so none are needed. The
         * provider takes ownership of `pairs`. (These grpc constructors
         * allocate with C++ `new` and never return NULL.) */
        grpc_tls_certificate_provider *provider = grpc_tls_certificate_provider_static_data_create(NULL, pairs);
        grpc_tls_credentials_options_set_certificate_provider(opts, provider); /* takes its own ref */
        grpc_tls_credentials_options_watch_identity_key_cert_pairs(opts);
        grpc_tls_certificate_provider_release(provider);
    }
    grpc_channel_credentials *c = grpc_tls_credentials_create(opts); /* takes ownership of opts */
    if (c == NULL) *rc = MFG_E_CREDENTIALS;
    return c;
}

static grpc_channel_credentials *mfg_make_credentials(const mfg_channel_options *o, int *rc) {
    if (!o->use_tls) {
        grpc_channel_credentials *c = grpc_insecure_credentials_create();
        if (c == NULL) *rc = MFG_E_CREDENTIALS;
        return c;
    }
    if ((o->client_cert_pem == NULL) != (o->client_key_pem == NULL)) {
        *rc = MFG_E_INVALID_ARGUMENT;
        return NULL;
    }
    int failed = 0;
    char *roots = mfg_cstring(o->root_pem, o->root_pem_len, &failed);
    char *cert = mfg_cstring(o->client_cert_pem, o->client_cert_pem_len, &failed);
    char *key = mfg_cstring(o->client_key_pem, o->client_key_pem_len, &failed);
    grpc_channel_credentials *c = NULL;
    if (failed) {
        *rc = MFG_E_NO_MEMORY;
    } else if (o->insecure_skip_verify) {
        c = mfg_make_unverified_tls(cert, key, rc);
    } else {
        grpc_ssl_pem_key_cert_pair pair = { .private_key = key, .cert_chain = cert };
        c = grpc_ssl_credentials_create(roots, cert ? &pair : NULL, NULL, NULL);
        if (c == NULL) *rc = MFG_E_CREDENTIALS;
    }
    free(roots);
    free(cert);
    mfg_free_secret(key);
    return c;
}

static grpc_arg mfg_int_arg(const char *key, int value) {
    grpc_arg a;
    a.type = GRPC_ARG_INTEGER;
    a.key = (char *)key;
    a.value.integer = value;
    return a;
}

static grpc_arg mfg_string_arg(const char *key, const char *value) {
    grpc_arg a;
    a.type = GRPC_ARG_STRING;
    a.key = (char *)key;
    a.value.string = (char *)value;
    return a;
}

/* Copies the options' metadata into slices owned by the channel. */
static int mfg_copy_base_metadata(mfg_channel *ch, const mfg_metadata *md, size_t n) {
    if (n == 0) return MFG_OK;
    ch->base_md = calloc(n, sizeof *ch->base_md);
    if (ch->base_md == NULL) return MFG_E_NO_MEMORY;
    return mfg_metadata_copy(ch->base_md, &ch->base_md_count, md, n);
}

static int mfg_or(int value, int fallback) { return value > 0 ? value : fallback; }

int mfg_channel_create(const mfg_channel_options *o, mfg_channel **out) {
    if (out == NULL) return MFG_E_INVALID_ARGUMENT;
    *out = NULL;
    if (o == NULL || o->target == NULL || o->target[0] == '\0') return MFG_E_INVALID_ARGUMENT;

    mfg_channel *ch = calloc(1, sizeof *ch);
    if (ch == NULL) return MFG_E_NO_MEMORY;
    mfg_init(); /* the channel's own runtime reference */

    int rc = MFG_OK;
    grpc_channel_credentials *creds = mfg_make_credentials(o, &rc);
    if (creds == NULL) {
        free(ch);
        mfg_shutdown();
        return rc == MFG_OK ? MFG_E_CREDENTIALS : rc;
    }

    grpc_arg args[16];
    size_t n = 0;
    args[n++] = mfg_int_arg(GRPC_ARG_KEEPALIVE_TIME_MS, mfg_or(o->keepalive_time_ms, 30000));
    args[n++] = mfg_int_arg(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, mfg_or(o->keepalive_timeout_ms, 15000));
    args[n++] = mfg_int_arg(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    /* Keep pinging through long polls that carry no data for a minute. */
    args[n++] = mfg_int_arg(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    ch->max_receive_bytes = (size_t)mfg_or(o->max_receive_message_bytes, 128 * 1024 * 1024);
    /* In grpc core the minimum reconnect backoff doubles as the minimum
     * connect timeout of a subchannel. */
    args[n++] = mfg_int_arg(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, mfg_or(o->connect_timeout_ms, 20000));
    /* Recover from a server restart within seconds, not minutes. */
    args[n++] = mfg_int_arg(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 10000);
    /* Per-call work we do not use: the client retries itself
     * (TemporalRPC's RetryBackoff), and channelz's call counters and
     * BDP pings (loopback or a data-centre link) cost CPU on every call. */
    args[n++] = mfg_int_arg(GRPC_ARG_ENABLE_RETRIES, 0);
    args[n++] = mfg_int_arg(GRPC_ARG_ENABLE_CHANNELZ, 0);
    args[n++] = mfg_int_arg(GRPC_ARG_HTTP2_BDP_PROBE, 0);
    /* The minimal stack drops three filters from every call: message size
     * (the shim checks the reply's size itself, see mfg_call_complete) and
     * message compress/decompress (requests go uncompressed; a compressed
     * reply is still inflated by grpc_byte_buffer_reader_init). It would
     * also turn off client-side deadlines, which stay on. */
    args[n++] = mfg_int_arg(GRPC_ARG_MINIMAL_STACK, 1);
    args[n++] = mfg_int_arg(GRPC_ARG_ENABLE_DEADLINE_CHECKS, 1);
    if (o->primary_user_agent != NULL)
        args[n++] = mfg_string_arg(GRPC_ARG_PRIMARY_USER_AGENT_STRING, o->primary_user_agent);
    if (o->use_tls && o->server_name_override != NULL && o->server_name_override[0] != '\0')
        args[n++] = mfg_string_arg(GRPC_SSL_TARGET_NAME_OVERRIDE_ARG, o->server_name_override);
    grpc_channel_args channel_args = { .num_args = n, .args = args };

    ch->channel = grpc_channel_create(o->target, creds, &channel_args); /* copies args */
    grpc_channel_credentials_release(creds); /* the channel keeps its own reference */
    ch->cq = mfg_runtime_cq();
    pthread_mutex_init(&ch->methods_lock, NULL);
    if (ch->channel == NULL || ch->cq == NULL) {
        if (ch->channel != NULL) grpc_channel_destroy(ch->channel);
        free(ch);
        mfg_shutdown();
        return MFG_E_NO_MEMORY;
    }
    rc = mfg_copy_base_metadata(ch, o->metadata, o->metadata_count);
    if (rc != MFG_OK) {
        mfg_channel_destroy(ch);
        return rc;
    }
    *out = ch;
    return MFG_OK;
}

void *mfg_channel_method(mfg_channel *ch, const char *method) {
    void *handle = NULL;
    size_t len = strlen(method);
    pthread_mutex_lock(&ch->methods_lock);
    /* Every path shares the service prefix: a length check skips most names. */
    for (size_t i = 0; i < ch->method_count; i++) {
        if (ch->method_lens[i] == len && memcmp(ch->method_names[i], method, len) == 0) {
            handle = ch->method_handles[i];
            break;
        }
    }
    if (handle == NULL && ch->method_count < MFG_MAX_REGISTERED_METHODS) {
        char *name = strdup(method);
        if (name != NULL) {
            handle = grpc_channel_register_call(ch->channel, method, NULL, NULL);
            ch->method_names[ch->method_count] = name;
            ch->method_lens[ch->method_count] = len;
            ch->method_handles[ch->method_count] = handle;
            ch->method_count++;
        }
    }
    pthread_mutex_unlock(&ch->methods_lock);
    return handle;
}

void mfg_channel_destroy(mfg_channel *ch) {
    if (ch == NULL) return;
    grpc_channel_destroy(ch->channel);
    mfg_metadata_release(ch->base_md, ch->base_md_count);
    for (size_t i = 0; i < ch->method_count; i++) free(ch->method_names[i]);
    pthread_mutex_destroy(&ch->methods_lock);
    free(ch);
    mfg_shutdown();
}

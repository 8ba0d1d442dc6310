/* Metadata entries as gRPC slices: the channel's fixed ones and each
 * call's own are made and released the same way. */
#include "mfg_internal.h"

#include <grpc/slice.h>

int mfg_metadata_copy(grpc_metadata *out, size_t *count, const mfg_metadata *md, size_t n) {
    if (n > 0 && md == NULL) return MFG_E_INVALID_ARGUMENT;
    for (size_t i = 0; i < n; i++) {
        if (md[i].key == NULL || (md[i].value == NULL && md[i].value_len > 0)) return MFG_E_INVALID_ARGUMENT;
        out[*count].key = grpc_slice_from_copied_buffer(md[i].key, md[i].key_len);
        out[*count].value = grpc_slice_from_copied_buffer(md[i].value ? md[i].value : "", md[i].value_len);
        (*count)++;
    }
    return MFG_OK;
}

void mfg_metadata_release(grpc_metadata *md, size_t count) {
    for (size_t i = 0; i < count; i++) {
        grpc_slice_unref(md[i].key);
        grpc_slice_unref(md[i].value);
    }
    free(md);
}

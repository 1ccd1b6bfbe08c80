// The parts of zlib that QEResults uses to read gzip-compressed files. This header has no
// stable API: it exists only so that QEResults can `internal import CZlib`.
#ifndef QE_CZLIB_SHIM_H
#define QE_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro, which Swift cannot call: start a stream that reads gzip members
/// (16 + 15: a gzip header and trailer around DEFLATE data with a 32 KiB window).
static inline int qe_zlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

#endif

#include "zstd_stream.hpp"

#include <zstd.h>
#include <zstd_errors.h>

#include "container.hpp"

namespace chorus::core {

namespace {

constexpr size_t kOut = size_t{1} << 20;
constexpr size_t kPadding = 64;  // Ingest::kPadding

ZSTD_DCtx* Context(void* context) {
    return static_cast<ZSTD_DCtx*>(context);
}

}  // namespace

ZstdStream::ZstdStream() : m_out(kOut + kPadding, ' ') {
    m_context = ZSTD_createDCtx();
    if (!m_context) {
        m_problem = "zstd could not start";
        return;
    }
    ZSTD_DCtx_setParameter(Context(m_context), ZSTD_d_windowLogMax, kZstdWindowLog);
}

ZstdStream::~ZstdStream() {
    ZSTD_freeDCtx(Context(m_context));
}

bool ZstdStream::Feed(const void* data, size_t size, const Sink& sink) {
    if (!m_problem.empty()) return false;
    if (size > 0) m_started = true;
    ZSTD_inBuffer input{data, size, 0};
    bool full = true;  // a full output buffer may leave bytes inside zstd: ask again
    while (input.pos < input.size || full) {
        ZSTD_outBuffer output{m_out.data(), kOut, 0};
        size_t status = ZSTD_decompressStream(Context(m_context), &output, &input);
        if (ZSTD_isError(status)) {
            if (ZSTD_getErrorCode(status) == ZSTD_error_frameParameter_windowTooLarge)
                m_problem = "a zstd frame needs a window larger than 2^" + std::to_string(kZstdWindowLog) +
                            " bytes (1 GiB), the most Chorus reads: not read past " + std::to_string(m_produced) +
                            " bytes of text";
            else
                m_problem = "the zstd stream is damaged after " + std::to_string(m_produced) + " bytes of text (" +
                            ZSTD_getErrorName(status) + "): the rest was not read";
            return false;
        }
        if (output.pos > 0) {
            m_produced += output.pos;
            sink(m_out.data(), output.pos);
        }
        full = output.pos == output.size;
        m_pending = status;
    }
    return true;
}

std::string ZstdStream::Finish() {
    if (m_problem.empty() && (m_pending != 0 || !m_started))
        m_problem = "the zstd stream ends early after " + std::to_string(m_produced) +
                    " bytes of text (a truncated file?): the rest was not read";
    return m_problem;
}

}  // namespace chorus::core

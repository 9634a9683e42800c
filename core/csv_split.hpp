// CsvSplitter: cuts CSV bytes, as they arrive in slices of any size, into records of cells (RFC 4180,
// COUNTING.md rule 36; the speed of rule 80). Cells are string_views: into the bytes given when the
// record lies whole in one slice and the cell needs no unescaping, else into the splitter's own copies.
// They are valid during the Sink call only.
//
//   struct Rows : CsvSplitter::Sink { void Record(const std::vector<std::string_view>& cells, uint64_t line) override;
//   }; CsvSplitter split; split.Begin(','); split.Feed(bytes, n, rows); ...; split.End(rows);
//
// The reading, byte for byte, of the character machine it replaced: a quote opens a quoted field only
// at a field's start ('\r' there is skipped); in a quoted field a doubled quote is one quote and line
// breaks are kept; text after a closing quote is kept ('\r' right after it is skipped); an unquoted
// field ending at '\n' loses one '\r' at its end; a line of nothing but '\r' is no record. `line` is
// the record's first physical line (1-based, blank lines counted).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

class CsvSplitter {
public:
    struct Sink {
        virtual void Record(const std::vector<std::string_view>& cells, uint64_t line) = 0;

    protected:
        ~Sink() = default;
    };

    void Begin(char delimiter);
    void Feed(const char* data, size_t size, Sink& sink);
    // The file ended: a record without a final line break is read as it is.
    void End(Sink& sink);

private:
    enum class State : uint8_t { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    // Reads the record starting at p: the byte after it (after its '\n', or end when at_end), or nullptr
    // when it does not end before `end`.
    const char* Record(const char* p, const char* end, bool at_end, Sink& sink);
    // Resumes m_scan over [p, end): the byte after the '\n' that ends the record, or nullptr.
    const char* FindRecordEnd(const char* p, const char* end);

    char m_delimiter = ',';
    uint64_t m_line = 1;
    std::string m_carry;  // a record begun in an earlier slice
    State m_scan = State::FieldStart;
    std::vector<std::string_view> m_cells;
    std::deque<std::string> m_copies;  // cells that had to be built (deque: they never move)
};

}  // namespace chorus::core

#include "ingest_report.hpp"

#include "post.hpp"

namespace chorus::core {

const char* PostTypeName(PostType type) {
    switch (type) {
        case PostType::Original: return "original";
        case PostType::Retweet: return "retweet";
        case PostType::Quote: return "quote";
        case PostType::Reply: return "reply";
    }
    return "original";
}

const char* ProblemName(Problem problem) {
    switch (problem) {
        case Problem::InvalidJson: return "invalid_json";
        case Problem::NotAPost: return "not_a_post";
        case Problem::DeleteNotice: return "delete_notice";
        case Problem::LimitNotice: return "limit_notice";
        case Problem::ApiError: return "api_error";
        case Problem::ApiNote: return "api_note";
        case Problem::NoId: return "no_id";
        case Problem::NoTime: return "no_time";
        case Problem::NoAuthor: return "no_author";
        case Problem::Cancelled: return "cancelled";
        case Problem::TooLarge: return "too_large";
        case Problem::Context: return "context";
        case Problem::CsvUnmapped: return "csv_unmapped";
        case Problem::TranscodedCp1252: return "transcoded_cp1252";
        case Problem::InvalidUtf16: return "invalid_utf16";
        case Problem::Archive: return "archive";
    }
    return "unknown";
}

bool ProblemSkipsRecord(Problem problem) {
    switch (problem) {
        case Problem::InvalidJson:
        case Problem::NotAPost:
        case Problem::DeleteNotice:
        case Problem::LimitNotice:
        case Problem::ApiError:
        case Problem::TooLarge:
        case Problem::Context:
        case Problem::CsvUnmapped: return true;
        case Problem::TranscodedCp1252:
        case Problem::InvalidUtf16:
        case Problem::ApiNote:
        case Problem::NoId:
        case Problem::NoTime:
        case Problem::NoAuthor:
        case Problem::Cancelled:
        case Problem::Archive: return false;
    }
    return false;
}

bool ProblemIsNotice(Problem problem) {
    return problem == Problem::DeleteNotice || problem == Problem::LimitNotice || problem == Problem::Context ||
           problem == Problem::TranscodedCp1252 || problem == Problem::InvalidUtf16;
}

void IngestReport::Add(Problem problem, uint64_t line, std::string detail) {
    Add(problem, RecordPlace{line, 0}, std::move(detail));
}

void IngestReport::Add(Problem problem, const RecordPlace& place, std::string detail) {
    ++counts[problem];
    if (ProblemSkipsRecord(problem)) ++skipped;
    if (!ProblemIsNotice(problem) && problems.size() < kMaxProblems) {
        if (place.item > 0) detail = "item " + std::to_string(place.item) + ": " + detail;
        problems.push_back({problem, place.line, std::move(detail), place.item});
    }
}

}  // namespace chorus::core

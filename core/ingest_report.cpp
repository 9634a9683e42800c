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
    }
    return "unknown";
}

bool ProblemSkipsRecord(Problem problem) {
    switch (problem) {
        case Problem::InvalidJson:
        case Problem::NotAPost:
        case Problem::DeleteNotice:
        case Problem::LimitNotice:
        case Problem::ApiError: return true;
        case Problem::ApiNote:
        case Problem::NoId:
        case Problem::NoTime:
        case Problem::NoAuthor:
        case Problem::Cancelled: return false;
    }
    return false;
}

bool ProblemIsNotice(Problem problem) {
    return problem == Problem::DeleteNotice || problem == Problem::LimitNotice;
}

void IngestReport::Add(Problem problem, uint64_t line, std::string detail) {
    ++counts[problem];
    if (ProblemSkipsRecord(problem)) ++skipped;
    if (!ProblemIsNotice(problem) && problems.size() < kMaxProblems)
        problems.push_back({problem, line, std::move(detail)});
}

}  // namespace chorus::core

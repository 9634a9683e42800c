// QueryEvaluation: QueryIndex::Select(query) done a block of rows at a time, so that a front end can
// spread a query over frames (a word scans the text of every row it may match: seconds at 30 million
// posts) and drop it when the query changes again.
//
//   QueryEvaluation evaluation;
//   evaluation.Start(index, query);
//   while (!evaluation.Step(1 << 16)) DrawAFrame();   // about 65,536 rows per call
//   Selection rows = evaluation.TakeResult();          // == index.Select(query)
//
// The result equals Select() exactly, for any sizes of the steps. Terms the index answers (posting lists,
// the type and has:link bitmaps, time ranges) are evaluated whole by Start(), which costs what Select()
// costs for them; words and phrases are tested row by row in the steps, only on the rows the other terms
// of an AND left (and, in an OR, only on the rows not matched yet), as Select() does.
// Start() evaluates over the rows the dataset has then; `index` and its dataset must outlive the
// evaluation or the next Start() (posts added to the dataset in between are left out).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "query.hpp"
#include "selection.hpp"

namespace chorus::core {

class QueryEvaluation {
public:
    QueryEvaluation();
    ~QueryEvaluation();
    QueryEvaluation(const QueryEvaluation&) = delete;
    QueryEvaluation& operator=(const QueryEvaluation&) = delete;

    void Start(QueryIndex& index, const Query& query);
    // Evaluates about `rows` more rows (whole blocks of 4,096); true once the result is complete.
    bool Step(size_t rows);
    bool Done() const;
    bool Running() const;     // from Start() until TakeResult() or Cancel()
    double Progress() const;  // 0..1, of the rows
    void Cancel();            // Done() until the next Start(), with no result
    // The complete result (after Done(), once per Start()).
    Selection TakeResult();

private:
    struct State;
    std::unique_ptr<State> m;
};

}  // namespace chorus::core

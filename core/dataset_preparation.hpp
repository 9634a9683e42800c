// DatasetPreparation: what the first look at a new dataset needs, built a piece at a time so that no
// frame freezes on it at 10 million posts: the summary (equal to Summarize), and a QueryIndex whose
// caches the first query and count would otherwise build whole in one frame: the type rows, the time
// range of every block of 64 rows, the posting lists of the given fields and their ids by frequency;
// and the dataset's time order (Dataset::SortedTimes), sorted in pieces when the rows are not in time order.
//
//   DatasetPreparation preparation(dataset, fields);
//   while (!preparation.Step(4096)) {}                    // or a few steps per frame (FrameBudget)
//   Summary summary = preparation.summary();              // == Summarize(dataset)
//   std::unique_ptr<QueryIndex> index = preparation.TakeIndex();
//
// The dataset must keep the rows it had at the start, unchanged, until TakeIndex(); rows appended
// meanwhile (a load) are not in what was prepared: Rows() says how many are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "entity_field.hpp"
#include "postings.hpp"
#include "query.hpp"
#include "summary.hpp"

namespace chorus::core {

class DatasetPreparation {
public:
    DatasetPreparation(const Dataset& dataset, std::span<const EntityField> fields);
    DatasetPreparation(const DatasetPreparation&) = delete;
    DatasetPreparation& operator=(const DatasetPreparation&) = delete;

    // Does about `work` units of work (a row or an id each); true once everything is ready.
    bool Step(size_t work);
    bool Done() const { return m_stage == Stage::Done; }
    // 0 to 1: the share of the work done.
    double Progress() const;
    // The rows prepared (the dataset's posts when the preparation began).
    size_t Rows() const { return m_rows; }
    // Equal to Summarize(dataset) once Done().
    const Summary& summary() const { return m_summary; }
    // The index with its caches ready, once Done() (the preparation is spent).
    std::unique_ptr<QueryIndex> TakeIndex();

private:
    enum class Stage : uint8_t { Rows, Order, Fields, Done };
    size_t RunRows(size_t work);
    size_t RunOrder(size_t work);
    size_t RunFields(size_t work);
    size_t OrderWork() const;
    size_t FieldWork() const;
    // A piece of a stable LSD radix sort of m_order, 8 bits of key(m_order[i]) a pass (counting the digits,
    // then scattering them): positions [m_id, end) of pass m_pass / 2. A pass in which every key has the
    // same digit is skipped. Returns true once the last of `passes` passes is done.
    template <class Key>
    bool RadixStep(size_t end, size_t passes, Key key);

    const Dataset& m_dataset;
    std::vector<EntityField> m_fields;
    size_t m_rows = 0;
    Stage m_stage = Stage::Rows;
    size_t m_next = 0;  // the next row of the Rows stage
    size_t m_work_done = 0;
    Summary m_summary;
    std::vector<bool> m_author_seen;
    std::unique_ptr<QueryIndex> m_index;
    mutable double m_progress = 0;  // Progress() never goes back when the order's work becomes known

    // The time order: read in the Rows stage (every time known and ascending: nothing to sort), else the
    // rows with a time radix-sorted on time - first (stable: ties in row order, as Dataset::SortedTimes),
    // in m_order / m_spare with m_pass, m_id and m_bucket, which the Fields stage reuses after it.
    bool m_in_order = true;
    size_t m_known = 0;
    UnixSeconds m_previous = 0;
    size_t m_time_passes = 0;
    bool m_time_rows_read = false;

    // The field being prepared: its lists, then its ids by frequency (a radix sort on ~length,
    // stable from ids in ascending order: longest first, ties lower id first, as IdsByFrequency).
    size_t m_field = 0;
    std::optional<PostingListsBuilder> m_builder;
    PostingLists m_lists;
    std::vector<uint32_t> m_keys, m_order, m_spare;
    size_t m_pass = 0;  // radix pass * 2 (+1 while scattering); kPasses * 2 after the last one
    size_t m_id = 0;    // next id of the pass (or of reading the lengths, before the passes)
    bool m_lists_ready = false;
    bool m_lengths_read = false;
    size_t m_bucket[256] = {};
};

}  // namespace chorus::core

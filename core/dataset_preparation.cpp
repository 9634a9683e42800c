#include "dataset_preparation.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <utility>

namespace chorus::core {
namespace {

constexpr size_t kPasses = 4;  // radix passes of 8 bits over a 32-bit length

}  // namespace

DatasetPreparation::DatasetPreparation(const Dataset& dataset, std::span<const EntityField> fields)
    : m_dataset(dataset),
      m_fields(fields.begin(), fields.end()),
      m_rows(dataset.Posts()),
      m_author_seen(dataset.Authors().Size(), false),
      m_index(std::make_unique<QueryIndex>(dataset)) {
    m_summary.posts = m_rows;
    m_summary.duplicates = dataset.Duplicates();
    m_summary.skipped = dataset.Skipped();
    QueryIndex& index = *m_index;
    index.m_rows = m_rows;
    index.m_reassignments = dataset.Reassignments();
    for (auto& rows : index.m_types)
        rows.emplace(m_rows);
    const size_t blocks = (m_rows + 63) / 64;
    index.m_block_min.assign(blocks, INT64_MAX);
    index.m_block_max.assign(blocks, INT64_MIN);
}

// Before the Rows stage ends the rows are taken to be in time order: nothing to sort.
size_t DatasetPreparation::OrderWork() const {
    if (m_stage == Stage::Rows || m_in_order) return 1;
    return m_known * (1 + 2 * m_time_passes);
}

size_t DatasetPreparation::FieldWork() const {
    size_t work = 0;
    for (EntityField field : m_fields)
        work += 2 * m_rows + (3 + 2 * kPasses) * EntityDictionary(m_dataset, field).Size();
    return work;
}

double DatasetPreparation::Progress() const {
    if (Done()) return 1.0;
    const size_t total = m_rows + OrderWork() + FieldWork();
    m_progress = std::max(m_progress, std::min(1.0, static_cast<double>(m_work_done) / static_cast<double>(total)));
    return m_progress;
}

bool DatasetPreparation::Step(size_t work) {
    while (work > 0 && m_stage != Stage::Done) {
        size_t used = 0;
        switch (m_stage) {
            case Stage::Rows: used = RunRows(work); break;
            case Stage::Order: used = RunOrder(work); break;
            case Stage::Fields: used = RunFields(work); break;
            case Stage::Done: break;
        }
        used = std::max<size_t>(used, 1);
        m_work_done += used;
        work -= std::min(work, used);
    }
    return Done();
}

// Summary, type rows and block times in one pass over the rows.
size_t DatasetPreparation::RunRows(size_t work) {
    const size_t end = std::min(m_rows, m_next + work);
    const PostTimes& times = m_dataset.TimeColumn();
    std::span<const uint8_t> types = m_dataset.TypeColumn();
    std::span<const uint32_t> authors = m_dataset.AuthorColumn();
    QueryIndex& index = *m_index;
    for (size_t r = m_next; r < end; ++r) {
        const auto row = static_cast<RowId>(r);
        ++m_summary.types[types[r]];
        index.m_types[types[r]]->Add(row);
        const UnixSeconds t = times[r];
        index.m_block_min[r / 64] = std::min(index.m_block_min[r / 64], t);
        index.m_block_max[r / 64] = std::max(index.m_block_max[r / 64], t);
        if (t == kNoTime) {
            ++m_summary.no_time;
            m_in_order = false;
        } else {
            if (m_known > 0 && t < m_previous) m_in_order = false;
            m_previous = t;
            ++m_known;
            // The smallest and largest known time: SortedTimes()' first and last.
            if (m_summary.first == kNoTime || t < m_summary.first) m_summary.first = t;
            if (m_summary.last == kNoTime || t > m_summary.last) m_summary.last = t;
        }
        const uint32_t author = authors[r];
        if (author != Dataset::kNoAuthor && !m_author_seen[author]) {
            m_author_seen[author] = true;
            ++m_summary.authors;
        }
    }
    const size_t used = end - m_next;
    m_next = end;
    if (m_next == m_rows) {
        std::vector<bool>().swap(m_author_seen);
        m_stage = Stage::Order;
        m_next = 0;  // the Order stage's pass over the rows
        if (!m_in_order) {
            // Passes of 8 bits over time - first: 3 for a span of up to 194 days, 4 up to 136 years.
            const auto span = static_cast<uint64_t>(m_summary.last) - static_cast<uint64_t>(m_summary.first);
            m_time_passes = (static_cast<size_t>(std::bit_width(span)) + 7) / 8;
        }
    }
    return used;
}

template <class Key>
bool DatasetPreparation::RadixStep(size_t end, size_t passes, Key key) {
    const size_t n = m_order.size();
    if (m_pass >= 2 * passes) return true;
    const unsigned shift = static_cast<unsigned>(8 * (m_pass / 2));
    if (m_pass % 2 == 0) {  // counting the digits
        for (size_t i = m_id; i < end; ++i)
            ++m_bucket[(key(m_order[i]) >> shift) & 0xFFu];
    } else {  // scattering, stably
        for (size_t i = m_id; i < end; ++i)
            m_spare[m_bucket[(key(m_order[i]) >> shift) & 0xFFu]++] = m_order[i];
    }
    m_id = end;
    if (m_id < n) return false;
    m_id = 0;
    if (m_pass % 2 == 0) {
        // Every key with the same digit: the pass would change nothing.
        if (std::any_of(std::begin(m_bucket), std::end(m_bucket), [&](size_t k) { return k == n; })) {
            std::fill(std::begin(m_bucket), std::end(m_bucket), 0);
            m_pass += 2;
            return m_pass >= 2 * passes;
        }
        size_t start = 0;
        for (size_t& bucket : m_bucket)
            start += std::exchange(bucket, start);
    } else {
        m_order.swap(m_spare);
        std::fill(std::begin(m_bucket), std::end(m_bucket), 0);
    }
    ++m_pass;
    return m_pass >= 2 * passes;
}

// The time order (Dataset::SortedTimes): nothing to do when the rows came in time order, as dumps mostly do,
// or when the dataset has it already; otherwise the rows with a time (a pass), then the radix passes. The
// dataset takes the order at the end: the same as SortedTimes() would have sorted in one call.
size_t DatasetPreparation::RunOrder(size_t work) {
    auto finish = [&] {
        if (!m_dataset.SortedTimesReady()) m_dataset.AdoptTimeOrder(m_rows, m_in_order, std::move(m_order));
        std::vector<uint32_t>().swap(m_order);
        std::vector<uint32_t>().swap(m_spare);
        m_pass = 0;
        m_id = 0;
        m_stage = Stage::Fields;
    };
    if (m_in_order || m_dataset.SortedTimesReady()) {
        finish();
        return 1;
    }
    const PostTimes& times = m_dataset.TimeColumn();
    if (!m_time_rows_read) {
        if (m_next == 0) {
            m_order.reserve(m_known);
            m_spare.reserve(m_known);
        }
        const size_t end = std::min(m_rows, m_next + work);
        for (size_t r = m_next; r < end; ++r)
            if (times[r] != kNoTime) m_order.push_back(static_cast<uint32_t>(r));
        m_spare.resize(m_order.size());  // the scatters' room, zeroed a piece at a time too
        const size_t used = end - m_next;
        m_next = end;
        if (m_next == m_rows) m_time_rows_read = true;
        return used;
    }
    const auto first = static_cast<uint64_t>(m_summary.first);
    const size_t end = std::min(m_known, m_id + work);
    const size_t used = end - m_id;
    if (RadixStep(end, m_time_passes, [&](uint32_t row) { return static_cast<uint64_t>(times[row]) - first; }))
        finish();
    return used;
}

size_t DatasetPreparation::RunFields(size_t work) {
    if (m_field == m_fields.size()) {
        m_stage = Stage::Done;
        return 0;
    }
    const EntityField field = m_fields[m_field];
    if (!m_lists_ready) {
        if (!m_builder) m_builder.emplace(m_dataset, field);
        const size_t before = m_builder->WorkDone();
        if (m_builder->Step(work)) {
            m_lists = m_builder->Take();
            m_builder.reset();
            m_lists_ready = true;
            const size_t ids = m_lists.Ids();
            m_keys.reserve(ids);  // filled while the lengths are read, with m_spare's room
            m_order.reserve(ids);
            m_spare.reserve(ids);
            return 2 * (m_rows + ids) - before;
        }
        return m_builder->WorkDone() - before;
    }
    const size_t ids = m_lists.Ids();
    const size_t end = std::min(ids, m_id + work);
    const size_t used = end - m_id;
    if (!m_lengths_read) {
        for (size_t id = m_id; id < end; ++id) {
            m_keys.push_back(~static_cast<uint32_t>(m_lists.Of(static_cast<uint32_t>(id)).size()));  // longest first
            m_order.push_back(static_cast<uint32_t>(id));
        }
        m_spare.resize(m_order.size());
        m_id = end;
        if (m_id == ids) {
            m_lengths_read = true;
            m_id = 0;
        }
        return used;
    }
    if (m_pass < 2 * kPasses) {
        RadixStep(end, kPasses, [&](uint32_t id) { return m_keys[id]; });
        return used;
    }
    // The field is ready: into the index.
    auto& slot = m_index->m_postings[static_cast<size_t>(field)];
    slot.lists = std::move(m_lists);
    slot.built = true;
    slot.by_frequency = std::move(m_order);
    m_order.clear();
    std::vector<uint32_t>().swap(m_keys);
    std::vector<uint32_t>().swap(m_spare);
    m_lists_ready = false;
    m_lengths_read = false;
    m_pass = 0;
    m_id = 0;
    ++m_field;
    return 1;
}

std::unique_ptr<QueryIndex> DatasetPreparation::TakeIndex() {
    assert(Done());
    return std::move(m_index);
}

}  // namespace chorus::core

// libFuzzer target: CSV files (header mapping, wrapped Excel records, tweepy rows, UTF-16,
// Windows-1252). Seeds: the .csv fixtures. The input is read by header names, then again with a
// caller's mapping taken from its first byte (as a mapping UI would give, columns possibly out of
// range of the rows).
#include <cstddef>
#include <cstdint>

#include "csv_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    chorus::fuzz::FeedWhole(ingest, data, size);
    if (size > 0) {
        chorus::core::CsvColumns columns;
        int pick = data[0];
        columns.id = (pick & 3) - 1;
        columns.time = ((pick >> 2) & 3) - 1;
        columns.text = ((pick >> 4) & 3) - 1;
        columns.author_name = ((pick >> 6) & 3) - 1;
        columns.retweet = (pick & 1) != 0 ? 5 : -1;
        ingest.SetCsvColumns(columns);
        chorus::fuzz::FeedWhole(ingest, data, size);
    }
    return 0;
}

#pragma once
// The demo county (data/demo/areas.json) as the growth benchmarks need it: its village groups for the
// generator, and its areas in the database so reads return area names like the real archive.
#include <string>
#include <vector>

#include "common/area.hpp"
#include "server/sql/connection.hpp"

namespace fupin::bench {

// The bundled area file of the source tree this binary was built from.
std::string default_area_file();

// All areas of the file (parsed and checked by common::parse_area_file). Throws std::runtime_error.
std::vector<common::area> read_area_file(const std::string& path);

// The areas of level "group".
std::vector<common::area> groups_of(const std::vector<common::area>& areas);

// Migrates the database and loads the areas when the areas table is empty. Returns how many were loaded.
std::size_t prepare_archive(server::sql::connection& conn, const std::vector<common::area>& areas);

}  // namespace fupin::bench

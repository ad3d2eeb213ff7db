#include "bench/growth/demo_county.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/area_json.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/migrate.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::bench {

std::string default_area_file() { return std::string(FUPIN_SOURCE_DIR) + "/data/demo/areas.json"; }

std::vector<common::area> read_area_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the area file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return common::parse_area_file(text.str());
}

std::vector<common::area> groups_of(const std::vector<common::area>& areas) {
    std::vector<common::area> groups;
    for (const auto& a : areas)
        if (a.level == "group") groups.push_back(a);
    return groups;
}

std::size_t prepare_archive(server::sql::connection& conn, const std::vector<common::area>& areas) {
    server::storage::migrate(conn);
    server::storage::area_repository repo(conn);
    if (repo.count() > 0) return 0;
    server::sql::transaction tx(conn, server::sql::tx_mode::write);
    for (const auto& a : areas) repo.upsert(a);
    tx.commit();
    return areas.size();
}

}  // namespace fupin::bench

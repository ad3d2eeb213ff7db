// county-server: everything lives in the fupin_server library; see server/cli/county_server_cli.cpp.
#include "server/cli/county_server_cli.hpp"

int main(int argc, char** argv) { return fupin::server::run_county_server_cli(argc, argv); }

#pragma once
// The county-server command line: serving, and the administrative subcommands that work on the database
// directly. main() only calls run_county_server_cli, so tests could drive the same code.
namespace fupin::server {

int run_county_server_cli(int argc, char** argv);

}  // namespace fupin::server

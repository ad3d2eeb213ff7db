// township-client: the township office's command-line client of county-server. All logic is in fupin_client.
#include <iostream>

#include "client/cli_app.hpp"

int main(int argc, char** argv) {
    return fupin::client::run_township_client(argc, argv, std::cin, std::cout, std::cerr);
}

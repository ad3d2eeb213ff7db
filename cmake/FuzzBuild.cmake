# The libFuzzer build (FUPIN_FUZZ=ON, scripts/fuzz): included by the root CMakeLists.txt instead of its usual
# subdirectories. Clang only, in its own build directory (build/fuzz, CC=clang-14 CXX=clang++-14).
#
# The libraries are compiled with -fsanitize=fuzzer-no-link,address,undefined -O1 -g, so the fuzzer sees coverage
# inside them (a g++-built library links, but is blind to it); only the fuzz executables get -fsanitize=fuzzer
# (libFuzzer's main). NDEBUG stays off so asserts run. Only what the targets need is built: common/ always, transport/
# and server/ (for the database URL and HTTP targets) only as far as the targets link them.

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "FUPIN_FUZZ needs clang (libFuzzer): configure a separate build directory with "
                      "CC=clang-14 CXX=clang++-14, as scripts/fuzz does")
endif()
if(FUPIN_SANITIZE)
  message(FATAL_ERROR "FUPIN_FUZZ sets its own sanitizers: leave FUPIN_SANITIZE off")
endif()
if(FUPIN_JEMALLOC)
  message(FATAL_ERROR "FUPIN_FUZZ needs FUPIN_JEMALLOC=OFF (the sanitizers bring their own allocator)")
endif()
if(CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
  message(FATAL_ERROR "FUPIN_FUZZ chooses its own optimisation (-O1 -g, NDEBUG off): leave CMAKE_BUILD_TYPE empty")
endif()

# Everything, libraries and targets: coverage for the fuzzer, ASan + UBSan, and every UB finding fatal so that
# libFuzzer records it as a crash with its input. UBSan's `function` check is left out: clang 14 cannot compile
# it for coroutines (the server's sessions: "error: Cannot represent a difference across sections",
# llvm/llvm-project#49689), and it only checks calls through mistyped function pointers.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
                    -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g -UNDEBUG)
add_link_options(-fsanitize=address,undefined)
# Boost 1.74 does not detect clang's coroutines on its own (transport/asio.hpp includes <utility> first, as it must).
add_compile_definitions(BOOST_ASIO_HAS_CO_AWAIT=1)

add_subdirectory(common)
# EXCLUDE_FROM_ALL: only the libraries a fuzz target links are built; county-server, the client and the tests
# are not.
add_subdirectory(transport EXCLUDE_FROM_ALL)
add_subdirectory(server EXCLUDE_FROM_ALL)
add_subdirectory(tests/fuzz)

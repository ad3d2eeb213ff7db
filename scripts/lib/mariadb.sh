# shellcheck shell=bash
# A private MariaDB for tests: its own data directory, unix socket only, utf8mb4, started and stopped by us.
#   source scripts/lib/mariadb.sh
#   mariadb_start build/mariadb     # initialises DIR/data on first use, starts mariadbd, creates fupin_test,
#                                   # exports FUPIN_TEST_MYSQL_URL=mysql://root@localhost/fupin_test?socket=DIR/mysql.sock
#   mariadb_stop build/mariadb      # clean shutdown (kills after 30 s)
# Runs as root (root logs in over the socket, no password). Nothing listens on TCP (--skip-networking).
# FUPIN_MARIADB_BUFFER_POOL: InnoDB buffer pool size (default 64M: enough for the tests; scripts/bench gives
# it 2G so that a million households stay in memory as they would on a production server).
# FUPIN_MARIADB_FLAGS: more mariadbd options, for experiments (e.g. --innodb-flush-log-at-trx-commit=2).

_mariadb_abs() {  # absolute path without requiring it to exist
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$PWD" "$1" ;;
    esac
}

_mariadb_client() {  # DIR, then mariadb client arguments
    local dir=$1
    shift
    mariadb --no-defaults --default-character-set=utf8mb4 -uroot --socket="$dir/mysql.sock" "$@"
}

_mariadb_running() {  # DIR: true when the pid file names a live mariadbd
    local pidfile=$1/mariadbd.pid pid
    [[ -s $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

mariadb_start() {
    local dir
    dir=$(_mariadb_abs "${1:?usage: mariadb_start DIR}")
    mkdir -p "$dir" || return 1
    # A unix socket path is limited to about 107 bytes.
    if ((${#dir} > 90)); then
        echo "mariadb_start: $dir is too long for a socket path" >&2
        return 1
    fi

    if ! _mariadb_running "$dir"; then
        if [[ ! -d $dir/data/mysql ]]; then
            rm -rf "$dir/data"
            mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
                --auth-root-authentication-method=socket --skip-test-db \
                >"$dir/install.log" 2>&1 || {
                echo "mariadb_start: mariadb-install-db failed, see $dir/install.log" >&2
                return 1
            }
        fi
        rm -f "$dir/mysql.sock" "$dir/mariadbd.pid"
        # setsid: the server must not die with the shell (or test runner) that started it.
        setsid mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$dir/mysql.sock" \
            --skip-networking --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
            --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" --innodb-buffer-pool-size="${FUPIN_MARIADB_BUFFER_POOL:-64M}" \
            ${FUPIN_MARIADB_FLAGS:-} </dev/null >/dev/null 2>&1 &
    fi

    local i
    for ((i = 0; i < 100; i++)); do
        if _mariadb_client "$dir" -e 'select 1' >/dev/null 2>&1; then
            break
        fi
        sleep 0.2
    done
    if ((i == 100)); then
        echo "mariadb_start: mariadbd did not answer on $dir/mysql.sock within 20 s; see $dir/error.log:" >&2
        tail -n 20 "$dir/error.log" >&2 2>/dev/null
        return 1
    fi

    _mariadb_client "$dir" -e \
        'CREATE DATABASE IF NOT EXISTS fupin_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' || return 1
    export FUPIN_TEST_MYSQL_URL="mysql://root@localhost/fupin_test?socket=$dir/mysql.sock"
}

mariadb_stop() {
    local dir pid i
    dir=$(_mariadb_abs "${1:?usage: mariadb_stop DIR}")
    _mariadb_running "$dir" || return 0
    pid=$(<"$dir/mariadbd.pid")
    _mariadb_client "$dir" -e 'SHUTDOWN' >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    echo "mariadb_stop: mariadbd $pid did not stop in 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null
    return 0
}

#!/usr/bin/env bash
# Herald's public pages under load, side by side with WordPress on the same 5,000 articles.
#
#   bench/pages.sh [WORDPRESS_URL]   e.g. http://127.0.0.1:8081 after ../shared/peers/wordpress.sh
#
# A throwaway Herald (SQLite) gets the peer corpus (../shared/peers/corpus.py) as editors' posts
# and is served by gunicorn, 5 workers, on loopback. wrk then loads home, a section, an article,
# a search and the RSS feed through ../shared/peers/bench_http.py (rounds round-robin over the
# pages, medians, memory of the server's processes sampled while it runs), in these set-ups:
#   herald-cold   PAGE_CACHE_SECONDS=0: every request renders its page
#   herald-warm   the page cache on, each page requested once first
#   herald-nginx  deploy/nginx.conf in front of the warm Herald: pages from nginx's proxy_cache
#   nginx-static  one static file from that nginx: the most this machine serves over HTTP
#   wordpress     the same pages of the WordPress at WORDPRESS_URL, when one is given
# and prints one table with the ratios to WordPress and the peak memory of each.
#
# Environment: RUNS (3), DURATION (20 s), WARMUP (5 s), THREADS (2), CONNECTIONS (16): the
# peer's figures use these; HERALD_PORT (8090), NGINX_PORT (8091); WARM_SECONDS (60, the default
# PAGE_CACHE_SECONDS); WP_PEER_DIR (/var/tmp/herald-wp-peer: its PID files give WordPress'
# memory); RESULTS (a folder to keep the JSON in; otherwise it goes with the temporary folder).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=${PEERS_DIR:-$(cd "$ROOT/../shared/peers" && pwd)}
WP_URL=${1:-}
WP_URL=${WP_URL%/}
RUNS=${RUNS:-3} DURATION=${DURATION:-20} WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-16}
HERALD_PORT=${HERALD_PORT:-8090} NGINX_PORT=${NGINX_PORT:-8091}
WARM_SECONDS=${WARM_SECONDS:-60}
WP_PEER_DIR=${WP_PEER_DIR:-/var/tmp/herald-wp-peer}
# The peer's corpus: the same N and seed give the very articles WordPress was seeded with.
N=5000 SEED=20250601
PY=$ROOT/.venv/bin/python

say() { echo "[pages] $*" >&2; }
die() { say "error: $*"; exit 1; }

# ------------------------------------------------------------------------------- what it needs
install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  ((${#missing[@]} == 0)) && return
  say "installing ${missing[*]}"
  # Keep the package's maintainer scripts from starting Debian's own nginx site on port 80.
  local made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" \
    || { apt-get update -q && apt-get install -y -q "${missing[@]}"; }
  ((made_policy)) && rm -f /usr/sbin/policy-rc.d
  return 0
}

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

wait_for() {  # url: until it answers at all (gunicorn and nginx take a moment to listen)
  local i
  for i in $(seq 1 100); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  die "$1 did not answer"
}

# ------------------------------------------------------------------------ start, and stop again
WORK=$(mktemp -d /tmp/herald-pages.XXXXXX)
DATA=$WORK/data
OUT=${RESULTS:-$WORK/results}
GUNICORN_PID="" NGINX_PID=""

stop_pid() {  # pid: the process this script started, and wait until it is gone
  [[ -n $1 ]] && kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cleanup() {
  stop_pid "$NGINX_PID"
  stop_pid "$GUNICORN_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DJANGO_SETTINGS_MODULE=herald.settings
export HERALD_DATA_DIR=$DATA
export SECRET_KEY=bench-only-secret-key-not-for-production-use-0123456789
export BASE_URL=http://127.0.0.1:$HERALD_PORT
export ALLOWED_HOSTS=127.0.0.1,localhost
export NEWSWIRE=0
# Like for like: the peer lists 10 posts a page and 10 items a feed.
export LIST_PAGE_SIZE=10 FEED_ITEMS=10
export LOG_LEVEL=WARNING

start_herald() {  # page cache seconds
  port_free "$HERALD_PORT" || die "port $HERALD_PORT is in use (set HERALD_PORT)"
  # SERVE_MEDIA=0 as behind nginx; the page cache's lifetime is the one thing that differs.
  PAGE_CACHE_SECONDS=$1 SERVE_MEDIA=0 "$ROOT/.venv/bin/gunicorn" herald.wsgi \
    --chdir "$ROOT" -w 5 -b "127.0.0.1:$HERALD_PORT" \
    --error-logfile "$WORK/gunicorn.log" &
  GUNICORN_PID=$!
  wait_for "http://127.0.0.1:$HERALD_PORT/robots.txt"
  say "gunicorn: 5 workers on 127.0.0.1:$HERALD_PORT, PAGE_CACHE_SECONDS=$1 (pid $GUNICORN_PID)"
}

stop_herald() {
  stop_pid "$GUNICORN_PID"
  GUNICORN_PID=""
}

start_nginx() {
  port_free "$NGINX_PORT" || die "port $NGINX_PORT is in use (set NGINX_PORT)"
  local conf=$WORK/nginx
  mkdir -p "$conf/cache" "$conf/temp"
  # deploy/nginx.conf as shipped, with its paths and ports moved into this run's folders.
  sed -e "s|/var/cache/nginx/herald|$conf/cache|" \
      -e "s|server 127.0.0.1:8000;|server 127.0.0.1:$HERALD_PORT;|" \
      -e "s|listen 80;|listen 127.0.0.1:$NGINX_PORT;|" \
      -e "/listen \[::\]:80;/d" \
      -e "s|/srv/herald/data|$DATA|g" \
      "$ROOT/deploy/nginx.conf" > "$conf/herald.conf"
  grep -q "127.0.0.1:$NGINX_PORT" "$conf/herald.conf" || die "deploy/nginx.conf: no 'listen 80;'"
  # The example is a site, read inside http {}: this is the rest Debian's nginx.conf would give.
  # Workers run as whoever runs the bench, who owns the data folder and the cache.
  cat > "$conf/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes auto;
pid $conf/nginx.pid;
error_log $conf/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  access_log off;
  client_body_temp_path $conf/temp/body;
  proxy_temp_path $conf/temp/proxy;
  fastcgi_temp_path $conf/temp/fastcgi;
  uwsgi_temp_path $conf/temp/uwsgi;
  scgi_temp_path $conf/temp/scgi;
  include $conf/herald.conf;
}
EOF
  /usr/sbin/nginx -t -q -c "$conf/nginx.conf" -p "$conf/" -e "$conf/error.log"
  /usr/sbin/nginx -c "$conf/nginx.conf" -p "$conf/" -e "$conf/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  wait_for "http://127.0.0.1:$NGINX_PORT/robots.txt"
  say "nginx: deploy/nginx.conf on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID)"
}

bench() {  # label, then name=URL and --proc name=PIDFILE arguments for bench_http.py
  local label=$1
  shift
  say "$label: $RUNS x ${DURATION}s per page"
  "$PY" "$PEERS/bench_http.py" --label "$label" "$@" \
    --runs "$RUNS" --duration "$DURATION" --warmup "$WARMUP" \
    --threads "$THREADS" --connections "$CONNECTIONS" \
    --out "$OUT/$label.json" > "$OUT/$label.txt"
}

pages() {  # base: Herald's five pages under it, as bench_http.py arguments, into PAGES
  PAGES=(--url "home=$1/" --url "section=$1/section/politics/"
    --url "article=$1/posts/$POST_SLUG/" --url "search=$1/search/?q=$SEARCH_TERM"
    --url "feed=$1/feeds/rss/")
}

# ----------------------------------------------------------------------------------- the run
install_missing
mkdir -p "$DATA" "$OUT"
cd "$ROOT"

if [[ -n $WP_URL ]]; then
  curl -sf -o /dev/null "$WP_URL/" || die "WordPress at $WP_URL does not answer"
fi

say "corpus: $N articles, seed $SEED"
"$PY" "$PEERS/corpus.py" --n "$N" --seed "$SEED" --out "$WORK/corpus.jsonl"
"$PY" manage.py migrate -v0
"$PY" bench/pages.py load "$WORK/corpus.jsonl" >&2
"$PY" manage.py collectstatic --noinput -v0
eval "$("$PY" bench/pages.py pick "$WORK/corpus.jsonl")"  # POST_SLUG, SEARCH_TERM

HERALD="http://127.0.0.1:$HERALD_PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"

start_herald 0
pages "$HERALD"
bench herald-cold "${PAGES[@]}" --proc "gunicorn=$GUNICORN_PID"
stop_herald

start_herald "$WARM_SECONDS"
for page in / /section/politics/ "/posts/$POST_SLUG/" "/search/?q=$SEARCH_TERM" /feeds/rss/; do
  curl -sf -o /dev/null "$HERALD$page"  # the first request makes the page the others get
done
bench herald-warm "${PAGES[@]}" --proc "gunicorn=$GUNICORN_PID"

start_nginx
curl -s -o /dev/null "$NGINX/"
say "nginx cache on a second request of /: $(curl -s -o /dev/null -D - "$NGINX/" \
  | tr -d '\r' | sed -n 's/^X-Cache-Status: //Ip')"
pages "$NGINX"
bench herald-nginx "${PAGES[@]}" --proc "gunicorn=$GUNICORN_PID" --proc "nginx=$NGINX_PID"

# The ceiling: the stylesheet the home page links, as collectstatic left it, from nginx's disk.
css=$(curl -s "$NGINX/" | grep -o '/static/[^"]*\.css' | head -1)
[[ -n $css ]] || die "the home page links no stylesheet"
bench nginx-static --url "static=$NGINX$css" --proc "nginx=$NGINX_PID"
stop_pid "$NGINX_PID"
NGINX_PID=""
stop_herald

if [[ -n $WP_URL ]]; then
  # WordPress finds a post by its slug (?name=) and redirects to its permalink.
  wp_post=$(curl -s -o /dev/null -w '%{redirect_url}' "$WP_URL/?name=$POST_SLUG")
  [[ -n $wp_post ]] || die "WordPress at $WP_URL has no post $POST_SLUG: seeded with the corpus?"
  # Its daemons' PID files, where this is the peer's set-up: they give WordPress' memory.
  wp_procs=()
  for spec in nginx=run/nginx.pid php-fpm=run/php-fpm.pid mariadb=mysql-run/mysqld.pid; do
    [[ -r $WP_PEER_DIR/${spec#*=} ]] && wp_procs+=(--proc "${spec%%=*}=$WP_PEER_DIR/${spec#*=}")
  done
  bench wordpress --url "home=$WP_URL/" --url "section=$WP_URL/category/politics/" \
    --url "article=$wp_post" --url "search=$WP_URL/?s=$SEARCH_TERM" \
    --url "feed=$WP_URL/feed/" "${wp_procs[@]}"
fi

reports=("$OUT"/herald-cold.json "$OUT"/herald-warm.json "$OUT"/herald-nginx.json
  "$OUT"/nginx-static.json)
[[ -n $WP_URL ]] && reports+=("$OUT/wordpress.json")
"$PY" bench/pages.py report "${reports[@]}"
echo
echo "Herald: $N editors' posts with the corpus's comments, SQLite, gunicorn -w 5; /posts/$POST_SLUG/"
[[ -n $WP_URL ]] && echo "WordPress: $WP_URL; article = $wp_post"
[[ -n ${RESULTS:-} ]] && echo "JSON: $OUT"
exit 0

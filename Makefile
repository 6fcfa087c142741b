# chitieu — two commands do everything on a fresh Debian/Ubuntu machine with Go:
#   make run    local ClickHouse (installed if missing), migrate, real demo data, serve :8080
#   make test   every test, against a private test ClickHouse and headless Chromium
# Set CLICKHOUSE_ADDR (and _USER, _PASSWORD, _DATABASE) to use an existing server instead.

SHELL := /bin/bash
GO ?= go
BIN := bin/chitieu
CH_DEV := deploy/clickhouse/local.sh dev 19000 18123
CH_TEST := deploy/clickhouse/local.sh test 19100 18223
TEST_CH_ADDR := $(if $(CLICKHOUSE_ADDR),$(CLICKHOUSE_ADDR),127.0.0.1:19100)

.PHONY: run build test test-ha test-deps fuzz bench bench-ingest bench-dashboard bench-report synthetic assets check-assets clickhouse-stop clean

build:
	$(GO) build -o $(BIN) ./cmd/chitieu

run: build
	@deploy/install-letter-deps.sh
	@$(CH_DEV)
	CHITIEU_DEMO_ADMIN=$${CHITIEU_DEMO_ADMIN:-true} ./$(BIN) demo
	CHITIEU_DEMO_ADMIN=$${CHITIEU_DEMO_ADMIN:-true} exec ./$(BIN) serve

# Installs what the tests need when it is missing (Debian packages; root or sudo).
test-deps:
	@deploy/install-test-deps.sh

# The embedded ECharts is checked against npm, each fuzz target runs briefly, then every
# test runs (last, so its summary closes the output).
test: test-deps
	@$(CH_TEST)
	@$(MAKE) --no-print-directory check-assets
	@$(MAKE) --no-print-directory fuzz
	CLICKHOUSE_ADDR=$(TEST_CH_ADDR) $(GO) test -race -count=1 -timeout 60m ./...

# The replicated deployment (ZooKeeper, three ClickHouse replicas, two chitieu servers,
# haproxy; deploy/ha) started fresh on 127.0.0.1, and its fault cases. Not part of
# `make test`: it takes a few minutes. Installs zookeeper, haproxy, clickhouse and faketime if missing.
test-ha:
	deploy/ha/test.sh

# Each fuzz target runs briefly on top of its seed corpus (the seeds also run in `go test`).
FUZZTIME ?= 10s
fuzz:
	@CLICKHOUSE_ADDR=$(TEST_CH_ADDR) GO=$(GO) FUZZTIME=$(FUZZTIME) deploy/fuzz.sh

bench: bench-ingest bench-dashboard bench-report

# 1M-row CSV against clickhouse-client's own INSERT … FORMAT CSV, and a 100k-row .xlsx.
bench-ingest: test-deps
	@$(CH_TEST)
	CLICKHOUSE_ADDR=$(TEST_CH_ADDR) $(GO) test ./ingest -run '^$$' -bench 'BenchmarkIngest' -benchtime 1x -timeout 30m

# The consolidated report of a round of 30 agencies (two pages of text each): time to
# compile and write the .docx and to convert it to PDF, Go heap peak, LibreOffice peak RSS.
bench-report: test-deps
	$(GO) test ./report -run '^$$' -bench 'BenchmarkReportRound' -benchtime 3x -timeout 10m

# Overview and indicator pages under 32 clients for 30 s, demo data and 10M synthetic rows,
# page cache on and off, and the same ClickHouse reads alone (cmd/loadgen).
bench-dashboard:
	deploy/bench/dashboard.sh

synthetic: build
	@$(CH_DEV)
	./$(BIN) demo synthetic --rows $${ROWS:-10000000}

# Copies the pinned ECharts from the npm registry into the embedded static files.
assets:
	cd deploy/assets && npm ci --no-audit --no-fund
	cp deploy/assets/node_modules/echarts/dist/echarts.min.js dashboard/static/vendor/echarts.min.js

# Fails when the embedded ECharts is not byte-for-byte the pinned npm release.
check-assets:
	cd deploy/assets && npm ci --no-audit --no-fund >/dev/null
	cmp deploy/assets/node_modules/echarts/dist/echarts.min.js dashboard/static/vendor/echarts.min.js
	@echo "assets: embedded echarts.min.js is echarts@$$(node -p "require('./deploy/assets/node_modules/echarts/package.json').version") from npm"

clickhouse-stop:
	deploy/clickhouse/stop.sh dev; deploy/clickhouse/stop.sh test

clean:
	rm -rf bin

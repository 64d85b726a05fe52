# The two ways in: `make run` and `make test`. Both install what is missing first.
SWIFT ?= swift
PKGS_NEEDED := yaml-0.1:libyaml-dev libgit2:libgit2-dev libpcre2-8:libpcre2-dev libdeflate:libdeflate-dev pkg-config:pkg-config

.PHONY: run test build release deps bench bench-micro clean readme install report-check fuzz

# `make install PREFIX=...`: the binaries, shell completions and the man page. BUILT names the
# folder holding built binaries (release by default, built when missing).
PREFIX ?= /usr/local
BUILT ?= .build/release

run: deps release
	./.build/release/gtm check strategy/

test: deps
	@./.ci/fetch-test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if command -v chromium >/dev/null; then ./scripts/report-check; else echo "report-check: skipped: Debian's chromium is not installed"; fi

build: deps
	$(SWIFT) build

release: deps
	SWIFT=$(SWIFT) ./scripts/build-release --product gtm
	SWIFT=$(SWIFT) ./scripts/build-release --product gtm-log

deps:
	@./.ci/install-deps

bench: deps release
	./bench/run

# Opens `gtm report` in headless Chromium: no console error, no network request, a screenshot
# that is not blank, a PDF. Refreshes docs/report.png.
report-check: build
	./scripts/report-check --update-docs

# Regenerates the rule table in README.md from the rules.
readme: build
	./scripts/update-readme-rules

# In-process timings of schema compilation, YAML parsing and validation (release build).
bench-micro: deps
	SWIFT=$(SWIFT) ./scripts/build-release --product gtm-bench
	./.build/release/gtm-bench .

# libFuzzer, with AddressSanitizer, over YAML loading, schemas and rules (README: Fuzzing), for
# FUZZ_SECONDS. Its own build folder: the instrumented modules never mix with the ordinary ones.
# The driver is linked with lld: SwiftPM names the executable's entry point with a --defsym of
# main, which gold cannot reconcile with the main in libFuzzer's archive.
FUZZ_SECONDS ?= 60
FUZZ_DIR := .build-fuzz
FUZZ_METASCHEMAS ?= ../shared/json-schema-metaschemas/draft2020-12
fuzz: deps
	$(SWIFT) build -c release --product gtm-fuzz --scratch-path $(FUZZ_DIR) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
	  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	./Fuzz/make-corpus $(FUZZ_DIR)/seeds
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/crashes
	LSAN_OPTIONS=suppressions=Fuzz/lsan.supp GTM_FUZZ_METASCHEMAS=$(FUZZ_METASCHEMAS) \
	  $(FUZZ_DIR)/release/gtm-fuzz $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds -dict=Fuzz/gtm.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=32768 \
	  -artifact_prefix=$(FUZZ_DIR)/crashes/ -print_final_stats=1

install:
	@if [ ! -x "$(BUILT)/gtm" ] || [ ! -x "$(BUILT)/gtm-log" ]; then $(MAKE) release; fi
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BUILT)/gtm" "$(DESTDIR)$(PREFIX)/bin/gtm"
	install -m 755 "$(BUILT)/gtm-log" "$(DESTDIR)$(PREFIX)/bin/gtm-log"
	"$(BUILT)/gtm" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/gtm"
	"$(BUILT)/gtm" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_gtm"
	"$(BUILT)/gtm" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/gtm.fish"
	"$(BUILT)/gtm" generate-manual > "$(DESTDIR)$(PREFIX)/share/man/man1/gtm.1"
	printf '.so man1/gtm.1\n' > "$(DESTDIR)$(PREFIX)/share/man/man1/gtm-log.1"

clean:
	rm -rf .build .build-fuzz

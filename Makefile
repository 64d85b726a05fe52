# The two ways in: `make run` and `make test`. Both install what is missing first.
SWIFT ?= swift
PKGS_NEEDED := yaml-0.1:libyaml-dev libgit2:libgit2-dev pkg-config:pkg-config

.PHONY: run test build release deps bench bench-micro clean readme report-check

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
	$(SWIFT) build -c release --static-swift-stdlib --product gtm
	$(SWIFT) build -c release --static-swift-stdlib --product gtm-log

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
	$(SWIFT) build -c release --static-swift-stdlib --product gtm-bench
	./.build/release/gtm-bench .

clean:
	rm -rf .build

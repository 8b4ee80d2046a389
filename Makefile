# netreview: the targets a developer and CI use. Only Go is needed.
GO ?= go

.PHONY: all build test test-all check vet vet-windows fmt lint fuzz bench update-golden samples dist dist-check clean

# VERSION is recorded in the binaries (netreview version): the tag or commit
# git describes. The toolchain records the commit and its date as well
# (runtime/debug.ReadBuildInfo); -buildvcs=auto overrides a GOFLAGS that
# turns that off.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
BUILDFLAGS = -trimpath -buildvcs=auto $(if $(VERSION),-ldflags '-X main.version=$(VERSION)')

all: lint test

## build: bin/netreview and bin/netreview-graphviz, the helper that lays out diagrams
build:
	$(GO) build $(BUILDFLAGS) -o bin/ ./cmd/netreview ./cmd/netreview-graphviz

## test: the quick tests, under 30 s once built (the README's first run); the slow ones skip
test:
	$(GO) test -short ./...

## test-all: every test, as CI runs them
test-all:
	$(GO) test ./...

## dist: release archives in dist/ for linux/amd64, linux/arm64, darwin/arm64
## (.tar.gz) and windows/amd64 (.zip), both programs in each, and SHA256SUMS
dist:
	rm -rf dist
	$(GO) run ./internal/dist $(if $(VERSION),-version $(VERSION)) -o dist

## dist-check: unpack the Linux archive alone and render a sample without Go
dist-check:
	$(GO) run ./internal/dist -check dist/netreview-*-linux-$$($(GO) env GOARCH).tar.gz

## vet-windows: type-check every package and its tests for Windows
vet-windows:
	GOOS=windows $(GO) vet ./...

## check: run netreview on the bundled samples (a statewide model)
check:
	$(GO) run ./cmd/netreview check samples/*.yaml

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

lint: vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## fuzz: run each fuzz target for FUZZTIME (default 1m)
FUZZTIME ?= 1m
fuzz:
	$(GO) test ./topology -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./topology -run '^$$' -fuzz '^FuzzParseJSON$$' -fuzztime $(FUZZTIME)
	$(GO) test ./topology/sheet -run '^$$' -fuzz '^FuzzCSV$$' -fuzztime $(FUZZTIME)
	$(GO) test ./topology/sheet -run '^$$' -fuzz '^FuzzWorkbook$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./topology/drawing -run '^$$' -fuzz '^FuzzDrawio$$' -fuzztime $(FUZZTIME)
	$(GO) test ./topology/drawing -run '^$$' -fuzz '^FuzzVisio$$' -fuzztime $(FUZZTIME)
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzStructuralAgreement$$' -fuzztime $(FUZZTIME)
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzParsePack$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./records -run '^$$' -fuzz '^FuzzReadExport$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s

## bench: run the benchmarks, for benchstat
bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem -count 6 | tee bench.txt

## update-golden: regenerate golden files; review them as a diff
GOLDEN_PKGS = ./topology ./topology/load ./topology/sheet ./analysis ./report ./render ./samples ./cmd/netreview
update-golden:
	$(GO) test $(GOLDEN_PKGS) -update

clean:
	rm -rf bin dist bench.txt

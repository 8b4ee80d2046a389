# netreview: the targets a developer and CI use. Only Go is needed.
GO ?= go

.PHONY: all build test check vet fmt lint fuzz bench update-golden samples clean

all: lint test

## build: bin/netreview and bin/netreview-graphviz, the helper that lays out diagrams
build:
	$(GO) build -o bin/ ./cmd/netreview ./cmd/netreview-graphviz

## test: the gate (the README's test command)
test:
	$(GO) test ./...

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
	rm -rf bin bench.txt

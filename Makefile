# newsgraph: build, test, e2e, bench, lint, demo.
GO ?= go
BIN ?= newsgraph
PKGS := ./...

.PHONY: build test race e2e e2e-setup bench lint demo clean

build:
	$(GO) build -o $(BIN) ./cmd/newsgraph

# Unit and integration tests: nothing but Go (real bolt files in temp dirs).
test:
	$(GO) test -race $(PKGS)

# End-to-end tests that drive real outside tools (Graphviz, networkx,
# Chromium, Cytoscape.js, PostgreSQL); installs them first.
e2e: e2e-setup
	$(GO) test -tags e2e -count=1 -timeout 20m $(PKGS)

e2e-setup:
	./scripts/e2e-setup.sh

# Benchmarks; corpus benchmarks read ../shared/corpora and skip without it.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 60m $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt: $$out"; exit 1; fi
	$(GO) vet $(PKGS)

demo: build
	./$(BIN) demo

clean:
	rm -rf $(BIN) newsgraph.db e2e/out

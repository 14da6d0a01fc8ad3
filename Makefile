# Skyplan — the two commands: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
MOTO_PORT ?= 5400
PORT ?= 8080

.PHONY: demo test build release setup format-check bench clean-demo

demo: setup
	$(SWIFT) build --product skyplan
	scripts/demo.sh $(PORT)

test: setup-test
	scripts/test.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

format-check:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

clean-demo:
	scripts/moto.sh stop $(MOTO_PORT) || true
	rm -rf .demo

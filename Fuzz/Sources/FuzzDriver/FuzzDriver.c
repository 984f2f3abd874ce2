// The driver itself comes from libclang_rt.fuzzer_no_main, linked by scripts/fuzz.

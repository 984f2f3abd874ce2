// swift-tools-version:6.0
// Fuzz targets for Rapport's readers, built with libFuzzer: see scripts/fuzz.
// A package of its own, so the normal build never sees the sanitizer flags.
import PackageDescription

let package = Package(
    name: "RapportFuzz",
    dependencies: [.package(name: "Rapport", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver", .product(name: "Rapport", package: "Rapport")]),
        .executableTarget(name: "fuzz-note", dependencies: ["FuzzDriver", .product(name: "Rapport", package: "Rapport")]),
    ]
)

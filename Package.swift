// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "Rapport", targets: ["Rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev). Only Markdown/CommonMark.swift imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Tiny C helpers: system calls Swift cannot reach (renameat2 for the atomic site swap,
        // syncfs), and cmark's per-document memory, which needs a thread-local variable.
        .target(name: "CSupport"),
        .target(
            name: "Rapport",
            dependencies: [
                "CCmark",
                "CSupport",

                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Rapport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RapportTests",
            dependencies: ["Rapport"],
            exclude: ["Fixtures", "Golden", "Data"]
        ),
    ]
)

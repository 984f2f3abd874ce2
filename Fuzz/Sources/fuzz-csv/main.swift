import FuzzDriver
import Foundation
import Rapport

/// libFuzzer entry point: any bytes as content/customers.csv and content/schedule.csv.
/// Must never crash or hang, whatever the bytes; diagnostics are the expected outcome.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var diagnostics = Diagnostics()
    let rows = CSVReader(path: "content/customers.csv").read(bytes, diagnostics: &diagnostics)
    for row in rows {
        precondition(!row.fields.isEmpty, "a row without fields")
        precondition(row.line >= 1, "a row before line 1")
    }
    _ = RecordLoader(path: "content/customers.csv", config: SiteConfig()).loadRecords(from: bytes, diagnostics: &diagnostics)
    _ = ScheduleLoader(path: "content/schedule.csv").loadAppointments(from: bytes, diagnostics: &diagnostics)
    for diagnostic in diagnostics.all {
        precondition((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1, "\(diagnostic)")
    }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv) { data, size in fuzzCSV(data, size) })

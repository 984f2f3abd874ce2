import FuzzDriver
import Foundation
import Rapport

/// libFuzzer entry point: any bytes as a customer's note. Exercises the front-matter
/// splitter, the YAML reader and the markdown reader together. Must never crash or hang.
func fuzzNote(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var diagnostics = Diagnostics()
    if let note = NoteLoader(unsafeMarkdown: false).loadNote(text, path: "content/notes/C-1.md", diagnostics: &diagnostics) {
        precondition(!note.customerID.isEmpty, "a note without a customer")
        // Safe mode: no raw HTML or script link may come out of any part of the note.
        for html in [note.html] + note.visits.map(\.html) + note.askAbout.map(\.html) {
            precondition(!html.contains("<script"), "raw <script> in rendered note")
        }
    }
    for diagnostic in diagnostics.all {
        precondition((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1, "\(diagnostic)")
    }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv) { data, size in fuzzNote(data, size) })

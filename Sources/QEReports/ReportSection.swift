import QEPresentation

/// An optional section of a report: present when its data are, absent otherwise (and then absent
/// from the JSON too, so reports made before a section existed still verify).
///
/// The memory figures are the first such section (``MemorySection``). Gate results and the
/// variance analysis are meant to be added the same way:
///
/// 1. a `Codable` type conforming to `ReportSection`, in its own file;
/// 2. an optional property of ``ReportDocument`` and a line in
///    ``ReportDocument/optionalSections`` (which fixes where it appears in every rendering);
/// 3. its computation in ``ReportBuilder/build(request:rawData:)``, from the request and the
///    embedded raw data only — then `verify` recomputes and checks it with no further code.
public protocol ReportSection: Sendable {
    /// The section's `id` in the HTML page (letters and hyphens).
    var anchor: String { get }
    /// The section's heading.
    var heading: String { get }
    /// The section's body in Markdown, without its heading, ending with a newline.
    func markdown() -> String
    /// The section's body in HTML, without its heading: escaped text, tables and inline SVG
    /// only — no script, nothing that loads from anywhere (see ``HTMLText``).
    func html() -> String
}

/// What `forget` removes.
public enum ForgetSelection: Hashable, Sendable {
    /// Every file of one commit (a full id, or a prefix of at least 4 digits that names one
    /// commit in the store).
    case commit(String)
    /// Every file whose commit time is before this time (retention).
    case before(HistoryTimestamp)
}

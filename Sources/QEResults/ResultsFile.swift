public enum QEResultsPlaceholder {}

// Judging logic (claims, gate, variance, reports) lives here.

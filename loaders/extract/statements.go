package extract

// findStatements fills d.Statements. (Stub: the statement engineer
// replaces it.)
func (x *Extractor) findStatements(d *Doc) {}

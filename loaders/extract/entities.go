package extract

// findEntities fills d.Mentions, d.Entities, d.Roles, d.Relations and
// d.Source. (Stub: the entity engineer replaces it.)
func (x *Extractor) findEntities(d *Doc) {}

package native

import "petrel/dict"

// addActor reads a country, igo, group or person entry. (Stub: replaced by
// the actor reader.)
func addActor(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {}

// addAgent reads an agent entry. (Stub.)
func addAgent(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {}

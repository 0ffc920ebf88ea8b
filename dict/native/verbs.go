package native

import "petrel/dict"

// addVerb reads a verb or noun entry with its patterns. (Stub: replaced by
// the verb reader.)
func addVerb(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {}

// addSynset reads a synset entry. (Stub.)
func addSynset(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {}

// addDiscard reads a discard entry. (Stub.)
func addDiscard(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {}

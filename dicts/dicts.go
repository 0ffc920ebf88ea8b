// Package dicts holds petrel's built-in dictionaries as text files,
// embedded in the binary. See docs/DICTIONARIES.md for the format.
package dicts

import "embed"

// FS holds every built-in dictionary file, rooted at this directory.
//
//go:embed *.txt actors verbs
var FS embed.FS

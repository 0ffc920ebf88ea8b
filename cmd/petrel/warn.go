package main

import "fmt"

// warn prints a warning about the output on standard error: something the
// run did that the user did not ask for but should know about.
func (m *Main) warn(msg string) {
	fmt.Fprintln(m.Stderr, "petrel: warning:", msg)
}

package coder

import "testing"

// TestAppealMirrorsDemand: an appeal for an act and a demand for it have
// the same CAMEO sub-code under roots 02 and 10.
func TestAppealMirrorsDemand(t *testing.T) {
	for _, tc := range []struct{ asked, appeal, demand string }{
		{"0874", "0256", "1056"}, // withdraw
		{"084", "0253", "1053"},  // release
		{"045", "028", "108"},    // mediate
		{"040", "026", "106"},    // meet
		{"063", "0213", "1013"},  // extradite
		{"072", "0232", "1032"},  // military aid
		{"010", "", ""},          // a statement is asked for by neither
	} {
		if got := appeal(tc.asked); got != tc.appeal {
			t.Errorf("appeal(%s) = %q, want %q", tc.asked, got, tc.appeal)
		}
		if got := demand(tc.asked); got != tc.demand {
			t.Errorf("demand(%s) = %q, want %q", tc.asked, got, tc.demand)
		}
	}
}

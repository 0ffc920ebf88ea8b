package coder

import "petrel/text"

// Headlines are often written in title case ("Gunmen Kill at Least 15 in a
// Border Town") or in capitals ("TROOPS SHOT 20 DEAD IN …"). The coder
// reads a capital in the middle of a sentence as the mark of a name, so in
// such a headline every word looks like one: "Gunmen Kill" becomes one
// unknown name and no verb is left. truecase reads such a sentence in
// ordinary case before anything else: a word the dictionaries know as a
// common word (a function word, a verb, an agent, a word of a pattern)
// loses its capital, unless it begins a name the actor or place
// dictionaries know ("Central African Republic", "Kherson"); a word no
// dictionary knows keeps it, as the name it most likely is ("Alindao").

// truecase lowers the capitals of the common words of a sentence written
// in title case or in capitals, and reports whether it changed a token; the
// caller then indexes the tokens again. An ordinary sentence is left
// alone, even one crowded with names ("French President Emmanuel Macron
// met Central African Republic President Faustin-Archange Touadera"): it
// is read as title case only when a word other than the first is a
// capitalised function word or verb outside any known name.
func (st *state) truecase() bool {
	words, lower, caps := 0, 0, 0
	for _, t := range st.toks {
		if t.Kind != text.Word {
			continue
		}
		words++
		switch {
		case t.Flags&text.AllCaps != 0:
			caps++
		case t.Flags&text.Cap == 0:
			lower++
		}
	}
	if words < 4 || lower*3 > words {
		return false
	}
	allCaps := caps*5 >= words*4
	s := st.sentView()
	// covered marks the tokens of a known name: they keep their case.
	var covered [maxTruecase]bool
	if len(st.toks) > maxTruecase {
		return false
	}
	common := func(i int) bool {
		if st.cls[i] != 0 || compassWords[st.normOf(i)] {
			return true
		}
		if e, _ := st.c.verbT.longest(s, i); e > i {
			return true
		}
		if e, _ := st.c.agentT.longest(s, i); e > i {
			return true
		}
		return false
	}
	for i := 0; i < len(st.toks); i++ {
		e, _ := st.c.actorT.longest(s, i)
		if pe, _ := st.c.placeT.longest(s, i); pe > e {
			e = pe
		}
		if e == i+1 && common(i) {
			// A one-word name that is also a verb or an agent ("Shell",
			// "Rebel Positions"): in a title-case headline the common word
			// is the likelier.
			continue
		}
		for k := i; k < e; k++ {
			covered[k] = true
		}
	}
	if !allCaps {
		// Title case shows itself by a capitalised function word or verb
		// after the first word, in a headline: a sentence that ends with a
		// full stop is prose crowded with names ("Full name is American
		// Telephone and Telegraph Co.").
		if last := st.toks[len(st.toks)-1]; st.text[last.End-1] == '.' {
			return false
		}
		seen := false
		for i := 1; i < len(st.toks); i++ {
			t := st.toks[i]
			if t.Kind == text.Word && t.Flags&text.Cap != 0 && !covered[i] && common(i) && st.toks[i-1].Kind == text.Word {
				seen = true
				break
			}
		}
		if !seen {
			return false
		}
	}
	changed := false
	for i := range st.toks {
		t := &st.toks[i]
		if t.Kind != text.Word || t.Flags&(text.Cap|text.AllCaps) == 0 || covered[i] {
			continue
		}
		if common(i) || len(st.candsOf(i)) > 0 {
			t.Flags &^= text.Cap | text.AllCaps
			changed = true
		}
	}
	return changed
}

// maxTruecase bounds the sentences truecase reads: headlines are short.
const maxTruecase = 64

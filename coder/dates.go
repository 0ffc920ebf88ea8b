package coder

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"petrel/text"
	"petrel/when"
)

// How an event is dated
//
// An event takes the date of a date expression only when the expression
// says when that event happened; otherwise it takes the article's date.
// Each expression in the sentence is judged against the event's verb:
//
//   - An expression governed by "since", "until", "by", "before", "after",
//     "from", "to", "through", "between" or "for" bounds a period or sets a
//     deadline ("suspended since 2018", "from 1981 to 1985", "cuts promised
//     for 1990"), but "overnight into Sunday" is a time.
//   - One inside a noun phrase names something else: "the collapse of
//     1929", "the September 1985 earthquake", "a 1985 loan", "last year's
//     talks", "March 1990 bonds"; but a possessive date on the means or
//     attack that is a material act's subject dates it ("Monday's attack
//     killed five soldiers", and so one between the determiner and such
//     an attack: "the March 2022 shelling of the theatre killed
//     hundreds"), so does one on the attack in which it was
//     done ("were killed in Saturday's ambush", and a past year before
//     an attack or war noun: "killed 800,000 people in the 1994
//     genocide"), and one on an event noun
//     dates that noun's event ("Friday's Iran attack"), unless it lies
//     more than futureDays ahead ("next week's OPEC meeting"). A time
//     noun's "of" ("on the night of Dec. 25") is no noun phrase.
//   - One after "than", "against", "versus", "over" or "compared with" is
//     a comparison.
//   - One separated from the verb by a clause boundary (a relative
//     pronoun, a subordinator, "that", a verb of saying, ";", a dash or a
//     quotation mark) dates another clause. A subordinate phrase set off by
//     commas ("In 1984, after three months of talks, the U.S. reached …")
//     does not separate a fronted date from its clause. For a verbal act
//     (CAMEO quad classes 1 and 3: statements, appeals, intents, demands,
//     criticism, threats) and for an intent, reported speech does not
//     separate either, and the date of the verb of saying that reports it
//     dates it across any clause between them: "Moscow said on Tuesday that Russia is willing to
//     provide aid", "Gondor welcomed the talks, the agency said on
//     Thursday" — the act is done when it is said. A material act
//     ("Russia shelled Kharkiv, officials said on Thursday") is not dated
//     by the saying, except that a date right after a verb of saying
//     with no "that" ("Iraq said yesterday its jets had bombed …") may
//     date the act it reports when the act has no date of its own: it
//     ranks below every other attachment.
//
// Of the rest, an expression is attached to the verb when it opens the
// clause ("In December 1985, Britain signed …"), stands between the
// subject and the verb ("Moscow on Tuesday rejected …"), or follows the
// verb with nothing between them but adverbs, prepositions and actor
// phrases, with their determiners ("nationalised five years ago", "invaded
// Kuwait in 1990", "expelled the Argentine ambassador in 2024").
// Otherwise it is merely in the verb's clause. Two rules need attachment:
//
//   - An expression that names a year with month or year precision ("in
//     1985", "in December 1984") dates an event only when attached: a year
//     merely mentioned in the clause ("signed a memorandum … in December
//     1983", "the price reform at the beginning of 1988") is too often about
//     a noun.
//   - No event is dated more than futureDays after its article's date
//     unless the expression is attached to its verb ("will visit China next
//     week" is dated next week; "plans to launch seven rockets through
//     1991" is not).
//   - An event coded as an intent ("will visit China next week" → 036)
//     is the intent, expressed when it was reported: it is never dated by
//     the date of the act it announces (a date after the verb, or after
//     the article date). "Russia agreed on Monday to meet China" is dated
//     Monday.
//
// Of the expressions that remain, an attached one wins over one merely in
// the clause, and the nearest to the verb wins among equals. The
// "article's date" here is the day of the article's dateline when it has
// one close to the article's date (datelineDate, coder.go). An article
// without a date dates its events only by expressions that name their
// year; relative ones ("on Tuesday") cannot be resolved.

// futureDays is how many days after the article's date an event may be
// dated by an expression not attached to its verb: reports of the next
// day or two ("talks on Thursday" in a Tuesday article) are common, plans
// further ahead are not events yet.
const futureDays = 3

// dateVerdict says whether a date expression dates an event, and if not,
// why not.
type dateVerdict uint8

const (
	dateUsable dateVerdict = iota
	dateBounds
	dateNounPhrase
	dateComparison
	dateOtherClause
	dateLooseYear
	dateFuture
	dateIntent
	dateUnresolved
)

// dateVerdictText explains each verdict in `petrel explain`.
var dateVerdictText = [...]string{
	dateUsable:      "usable",
	dateBounds:      "bounds a period or sets a deadline",
	dateNounPhrase:  "inside a noun phrase",
	dateComparison:  "a comparison",
	dateOtherClause: "in another clause than the verb",
	dateLooseYear:   "names a year but is not attached to the verb",
	dateFuture:      "more than " + strconv.Itoa(futureDays) + " days after the article date and not attached to the verb",
	dateIntent:      "it dates the intended act, not the intent, which is expressed when reported",
	dateUnresolved:  "relative, and the article has no date",
}

// Attachments of a usable date expression to the verb, best first.
const (
	attachFronted = iota // "In 1985, X invaded Y"
	attachBefore         // "X on Tuesday invaded Y"
	attachAfter          // "X invaded Y on Tuesday", "X invaded in 1985"
	attachClause         // elsewhere in the verb's clause
	attachSaying         // after the verb of saying that reports a material act
)

var attachText = [...]string{
	attachFronted: "opens the verb's clause",
	attachBefore:  "between the subject and the verb",
	attachAfter:   "right after the verb",
	attachClause:  "in the verb's clause",
	attachSaying:  "the date of the saying that reports the act",
}

// boundWords govern a date that bounds a period or sets a deadline.
var boundWords = map[string]bool{"since": true, "until": true, "till": true, "til": true, "by": true,
	"before": true, "after": true, "from": true, "to": true, "through": true, "thru": true,
	"between": true, "for": true, "ahead": true, "into": true, "beyond": true, "within": true}

// compareWords govern a date that is compared with.
var compareWords = map[string]bool{"than": true, "against": true, "versus": true, "vs": true, "vs.": true, "over": true}

// dateModifiers may stand between a date and the word that governs it:
// "since late 1985", "by fiscal 1990", "in mid-1986".
var dateModifiers = map[string]bool{"early": true, "late": true, "mid": true, "middle": true, "fiscal": true,
	"calendar": true, "-": true, "around": true, "approximately": true, "roughly": true}

// timeNouns head a phrase that is itself a time: "at the beginning of
// 1988", "in the first half of 1987", "by the end of the year", "on the
// night of Dec. 25", "in the early hours of Sunday".
var timeNouns = map[string]bool{"beginning": true, "start": true, "end": true, "middle": true, "half": true,
	"quarter": true, "part": true, "spring": true, "summer": true, "autumn": true, "fall": true,
	"winter": true, "course": true, "close": true, "turn": true, "first": true, "second": true,
	"third": true, "fourth": true, "last": true, "latter": true, "early": true, "late": true,
	"night": true, "morning": true, "afternoon": true, "evening": true, "hours": true}

// eventDate picks the date of an event whose verb is tokens [a, ae): the
// best date expression that dates it (see above), else the article date.
// An intent event (intent) is not dated by the intended act's date; for a
// verbal act (verbal), reported speech is no clause boundary. With explain
// set it reports its choice and every rejected expression to the tracer;
// the coder calls it so only when explaining, after the event's line.
func (st *state) eventDate(a, ae int, intent, verbal, explain bool) string {
	if len(st.dates) == 0 || len(st.toks) == 0 {
		if explain {
			st.traceArticleDate()
		}
		return st.date
	}
	best, bestAttach, bestDist := -1, 0, 0
	var bestDate time.Time
	prevStart, prevEnd := -1, -1
	past := st.pastVerb(a)
	for i := range st.dates {
		d := &st.dates[i]
		v, attach, ds, de := st.judgeDate(d, a, ae, prevStart, prevEnd, verbal)
		prevStart, prevEnd = ds, de
		if de <= 0 {
			continue // in a dropped dateline
		}
		date := d.Date
		if past && !intent && d.YearGuessed && v == dateUsable && attach < attachClause && !st.base.IsZero() && d.Date.After(st.base.AddDate(0, 0, 1)) {
			// "On Feb. 20, rebels attacked Bunia" in an article of
			// January: a past act, so the Feb. 20 before the article; a
			// day ahead is allowed for an article stamped before its
			// local date, not the futureDays of a planned act. (A
			// date merely in the clause and ahead is another noun's:
			// "proposed a meeting on April 23"; it is refused.) A
			// movable holiday falls on another day the year before
			// (Earlier); a Feb. 29 has none and is refused.
			date, v = d.Earlier, dateUsable
			if date.IsZero() {
				v = dateFuture
			}
		} else if past && !intent && v == dateUsable && attach >= attachClause && !st.base.IsZero() && d.Date.After(st.base.AddDate(0, 0, 1)) {
			// "Russia attacked Kharkiv on June 7" in an article of June
			// 5: a past act is not dated ahead by a date merely in its
			// clause.
			v = dateFuture
		}
		if v == dateUsable && intent && (attach == attachAfter || ds >= ae || !st.base.IsZero() && d.Date.After(st.base)) {
			// "will meet China on Friday", "will host talks with
			// Afghanistan in May": the date is the meeting's, and "on
			// Friday" or "in May" would resolve to the one before the
			// article.
			v = dateIntent
		}
		if v != dateUsable {
			if explain {
				st.tracef("    date %q not used: %s", st.text[d.Span.Start:d.Span.End], dateVerdictText[v])
			}
			continue
		}
		dist := ds - ae
		if ds < a {
			dist = a - de
		}
		if best < 0 || attach < bestAttach || attach == bestAttach && dist < bestDist {
			best, bestAttach, bestDist, bestDate = i, attach, dist, date
		}
	}
	if best < 0 {
		if explain {
			st.traceArticleDate()
		}
		return st.date
	}
	d := &st.dates[best]
	if explain {
		year := ""
		if !bestDate.Equal(d.Date) {
			year = ", the year before: the act is past"
		}
		rule := ""
		if d.Rule != when.RuleCalendar {
			rule = "; " + d.Rule.String()
		}
		st.tracef("    date %s from %q (%s, %s precision%s%s)", bestDate.Format("2006-01-02"), st.text[d.Span.Start:d.Span.End], attachText[bestAttach], d.Precision, year, rule)
	}
	return bestDate.Format("2006-01-02")
}

// pastVerb reports whether the verb at token a is in the past tense and
// not after a modal or "to" ("attacked", "has seized", "was shelled", but
// not "will be held", "is due to meet").
func (st *state) pastVerb(a int) bool {
	if a >= len(st.toks) || !st.pastTense(a) {
		return false
	}
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		if st.cls[k]&cModal != 0 || st.cls[k]&cTo != 0 {
			return false
		}
	}
	return true
}

// traceArticleDate reports that an event takes the article date.
func (st *state) traceArticleDate() {
	if st.date == "" {
		st.tracef("    date: none (no date expression dates the event and the article has no date)")
		return
	}
	st.tracef("    date %s: article date", st.date)
}

// judgeDate decides whether expression d dates the event whose verb is
// tokens [a, ae), and how it is attached to the verb. It returns the
// expression's tokens [ds, de); de is 0 when the expression lies outside
// the sentence's tokens. prevStart and prevEnd are the tokens of the
// expression before d: one coordinated with it shares its governor
// ("between 1984 and 1986", "in late 1983 or early 1984"). For a verbal
// act, reported speech is no clause boundary.
func (st *state) judgeDate(d *when.Expr, a, ae, prevStart, prevEnd int, verbal bool) (v dateVerdict, attach, ds, de int) {
	n := len(st.toks)
	ds = sort.Search(n, func(i int) bool { return st.toks[i].Start >= d.Span.Start })
	de = sort.Search(n, func(i int) bool { return st.toks[i].Start >= d.Span.End })
	if de <= ds || de == 0 {
		return dateUnresolved, attachClause, ds, 0
	}
	named := namesYear(st.text[d.Span.Start:d.Span.End])
	if st.base.IsZero() && !named {
		return dateUnresolved, attachClause, ds, de
	}
	g := st.governor(ds)
	if g >= 0 && g == prevEnd && st.cls[g]&cConj != 0 && prevStart >= 0 {
		g = st.governor(prevStart)
	}
	gw := ""
	if g >= 0 {
		gw = st.normOf(g)
	}
	switch {
	case (gw == "into" || gw == "to") && g > 0 && (st.isWord(g-1, "overnight") || st.isWord(g-1, "night")) && !st.isDate(g-1):
		// "overnight into Sunday", "Saturday night into Sunday": the
		// night that ends on Sunday, a time, not a bound; judged like
		// any other date below.
	case boundWords[gw]:
		return dateBounds, attachClause, ds, de
	case compareWords[gw] && !(gw == "over" && strings.HasSuffix(st.text[d.Span.Start:d.Span.End], "weekend")) || // "over the weekend" is a time
		g > 0 && (gw == "with" || gw == "to") && strings.HasPrefix(st.normOf(g-1), "compar") ||
		g > 0 && st.cls[g]&cPrep != 0 && compareWords[st.normOf(g-1)]: // "than in 2019"
		return dateComparison, attachClause, ds, de
	case !verbal && de+1 < a && st.isWord(de, "'s") && st.meansNoun(de+1):
		// "Monday's attack by militants killed five soldiers": the
		// attack that did it, the subject of the verb, is dated.
		return dateUsable, attachBefore, ds, de
	case de+1 <= a && de < n && st.isWord(de, "'s") && st.actorsOnly(de+1, a):
		// "Tuesday's attack on a mosque", "Friday's Iran attack" coded
		// from the noun: the date is the event's own, unless it lies
		// further ahead than a report of the next days ("next week's
		// OPEC meeting").
		if !st.base.IsZero() && d.Date.After(st.base.AddDate(0, 0, futureDays)) {
			return dateFuture, attachClause, ds, de
		}
		return dateUsable, attachBefore, ds, de
	case !verbal && ds >= ae && g >= ae && (gw == "in" || gw == "during") && de+1 < n && st.isWord(de, "'s") && st.meansNoun(de+1) && st.adjunctsOnly(ae, g):
		// "two soldiers were killed in Saturday's ambush": the attack
		// in which the act was done is dated.
		return dateUsable, attachAfter, ds, de
	case !verbal && ds >= ae && ds >= 2 && st.cls[ds-1]&cDet != 0 && (st.isWord(ds-2, "in") || st.isWord(ds-2, "during")) &&
		hasYear(st.text[d.Span.Start:d.Span.End]) && st.eventNounAt(de) && !st.base.IsZero() && d.Date.Before(st.base) && !st.sameYear(d) &&
		st.pastVerb(a) && harmVerbs[st.normOf(a)] && !st.clauseBetween(ae, ds-2, false) && !st.commaBetween(ae, ds-2):
		// "Hutu militias killed 800,000 people in the 1994 genocide",
		// "troops killed civilians in Bucha during the 2022 invasion":
		// the past attack or war in which the act was done is dated by
		// the year before its noun, as by a possessive date ("in
		// Saturday's ambush"). Only a killing or wounding is done in
		// it: "arrested a man in the 2015 attack" is an arrest over it,
		// now.
		return dateUsable, attachAfter, ds, de
	case ds > 0 && st.cls[ds-1]&cDet != 0 && hasYear(st.text[d.Span.Start:d.Span.End]) && !st.sameYear(d) &&
		(!verbal && de+1 < a && (ds < 2 || st.cls[ds-2]&cPrep == 0) && st.meansNoun(de) || de <= a && st.premodifiers(de, a)):
		// "The 2015 attack on the Bataclan killed 90 people", "the
		// victims of the 1945 atomic bombing", "the 1994 genocide": a
		// date between the determiner and the attack that is the
		// verb's subject, or the event noun itself, is that event's,
		// as a possessive one is ("Monday's attack"); a past event
		// named by its year is dated then, not on the article's date.
		// A month with no year is not enough: "the June summit" may be
		// the next one. The attack must not follow a preposition ("had
		// liberated territory during the 1987 offensive and taken over
		// islands": not the subject), and a bare year that is the
		// article's own says less than the article's date.
		if !st.base.IsZero() && d.Date.After(st.base.AddDate(0, 0, futureDays)) {
			return dateFuture, attachClause, ds, de
		}
		return dateUsable, attachBefore, ds, de
	case gw == "of" || g >= 0 && st.cls[g]&(cDet|cPossPron) != 0 || de < n && st.isWord(de, "'s"):
		return dateNounPhrase, attachClause, ds, de
	}
	fronted := st.frontedDate(g, ds, de)
	if named && d.Precision >= when.Month && !fronted && (g < 0 || st.cls[g]&cPrep == 0) {
		// "a 1985 World Bank loan", "12.5 pct March 1990 bonds": a year
		// with no preposition before it modifies a noun.
		return dateNounPhrase, attachClause, ds, de
	}
	lo, hi := de, a // tokens between the expression and the verb
	if ds >= ae {
		lo, hi = ae, ds
		if g >= ae {
			hi = g
		}
	}
	// The date of the sentence's attribution ("…, the agency said on
	// Thursday", "Moscow said on Tuesday that …") dates every verbal act
	// it reports, across the clauses between them.
	said := verbal && (g >= 0 && st.cls[g]&cSay != 0 || g >= 1 && st.cls[g]&cPrep != 0 && st.cls[g-1]&cSay != 0 || de < n && st.cls[de]&cSay != 0)
	// "Iraq said yesterday its warplanes had bombed …": a date right
	// after a verb of saying is the saying's. It may still date a material
	// act it reports with no date of its own (the act was done by then),
	// but only after any date of the act's own ("… had bombed oil
	// installations on Monday").
	sayer := !verbal && ds < a && (g >= 0 && st.cls[g]&cSay != 0 || g >= 1 && st.cls[g]&cPrep != 0 && st.cls[g-1]&cSay != 0)
	if !said && st.clauseBetween(lo, hi, verbal) {
		return dateOtherClause, attachClause, ds, de
	}
	switch {
	case sayer:
		attach = attachSaying
	case fronted && ds < a:
		attach = attachFronted
	case ds < a && st.verbGroupOnly(de, a):
		attach = attachBefore
	case ds >= ae && st.adjunctsOnly(ae, hi):
		attach = attachAfter
	default:
		attach = attachClause
	}
	if attach >= attachClause {
		if named && d.Precision >= when.Month {
			return dateLooseYear, attach, ds, de
		}
		if !st.base.IsZero() && d.Date.After(st.base.AddDate(0, 0, futureDays)) {
			return dateFuture, attach, ds, de
		}
	}
	return dateUsable, attach, ds, de
}

// namesYear reports whether a date expression's text holds a four-digit
// year ("1985", "December 1984", "Oct. 19, 2021").
func namesYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// governor returns the token that governs the date expression starting at
// token ds, skipping modifiers ("since late 1985") and a time noun's
// phrase ("at the beginning of 1988" is governed by "at"), or -1.
func (st *state) governor(ds int) int {
	g := ds - 1
	for g >= 0 && dateModifiers[st.normOf(g)] {
		g--
	}
	if g >= 1 && st.isWord(g, "of") && timeNouns[st.normOf(g-1)] {
		k := g - 1
		for k >= 0 && (timeNouns[st.normOf(k)] || st.cls[k]&cDet != 0) {
			k--
		}
		g = k
	}
	return g
}

// frontedDate reports whether the expression at tokens [ds, de), governed
// by token g, opens its sentence: only conjunctions, adverbs and quotation
// marks before it, and a preposition before it or a comma after it ("In
// 1985, …", "On Tuesday Russia …", "Last week, …").
func (st *state) frontedDate(g, ds, de int) bool {
	first := ds
	if g >= 0 && st.cls[g]&cPrep != 0 {
		first = g
	} else if de >= len(st.toks) || !st.isWord(de, ",") {
		return false
	}
	for k := 0; k < first; k++ {
		if st.cls[k]&(cConj|cAdv) == 0 && st.toks[k].Kind != text.Quote {
			return false
		}
	}
	return true
}

// clauseBetween reports whether a clause boundary lies in tokens [lo, hi).
// A subordinate phrase or relative clause set off by commas is skipped
// when its closing comma lies in the range. With speech set, a verb of
// saying and "that" are no boundaries.
func (st *state) clauseBetween(lo, hi int, speech bool) bool {
	for k := lo; k < hi; k++ {
		if !st.boundary(k) || speech && st.cls[k]&(cSay|cThat) != 0 {
			continue
		}
		if st.cls[k]&cSubord != 0 && st.cls[k]&cPrep != 0 && k+1 < len(st.toks) && (st.cls[k+1]&(cDet|cPossPron|cNumber) != 0 || st.toks[k+1].Kind == text.Number) {
			continue // "after a 12-year rift": a preposition here, not a clause
		}
		if k > lo && st.isWord(k-1, ",") && st.cls[k]&(cSubord|cRel) != 0 {
			c := k + 1
			for c < hi && !st.isWord(c, ",") && !st.boundary(c) {
				c++
			}
			if c < hi && st.isWord(c, ",") {
				k = c
				continue
			}
		}
		return true
	}
	return false
}

// verbGroupOnly reports whether tokens [lo, hi) hold only what may stand
// between a subject and its verb: auxiliaries, modals, negation and
// adverbs. "to" is not ("went to Peking next month to sign": the date is
// the going's), nor is a comma: "began a moratorium in August
// 1985, calling on …" dates the moratorium, not the call.
func (st *state) verbGroupOnly(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if st.cls[k]&(cAux|cModal|cNeg|cAdv) == 0 {
			return false
		}
	}
	return true
}

// adjunctsOnly reports whether tokens [lo, hi) after a verb hold only
// adverbs, prepositions and coded actor phrases, with their determiners:
// "invaded Kuwait in 1990", "expelled the Argentine ambassador in 2024",
// "met with the Saudi king on Tuesday".
func (st *state) adjunctsOnly(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		switch {
		case st.cls[k]&(cAdv|cPrep) != 0:
		case st.codedActorAt(k):
		case st.cls[k]&cDet != 0 && k+1 < hi && st.codedActorAt(k+1):
			// "expelled the Argentine ambassador in 2024": the
			// determiner of a coded actor
		default:
			return false
		}
	}
	return true
}

// isDate reports whether token k is part of a date expression, or the
// preposition that introduces one ("on Saturday").
func (st *state) isDate(k int) bool {
	return k < len(st.dateTok) && st.dateTok[k]
}

// markDates fills dateTok from the sentence's date expressions.
func (st *state) markDates() {
	n := len(st.toks)
	if cap(st.dateTok) < n {
		st.dateTok = make([]bool, n)
	}
	st.dateTok = st.dateTok[:n]
	clear(st.dateTok)
	if len(st.dates) == 0 {
		return
	}
	for k := 0; k < n; k++ {
		pos := st.toks[k].Start
		for _, d := range st.dates {
			if d.Span.Start <= pos && pos < d.Span.End {
				st.dateTok[k] = true
				if k > 0 && !st.dateTok[k-1] {
					switch st.normOf(k - 1) {
					case "on", "in", "at", "by", "during", "since", "until", "from", "last", "next", "this", "early", "late", "earlier", "later":
						st.dateTok[k-1] = true
					}
				}
				break
			}
		}
	}
}

// meansNoun reports whether the words at k name an attack or a means of
// violence: "attack", "shelling", "a car bomb", "suicide bombing".
func (st *state) meansNoun(k int) bool {
	if attackNouns[st.normOf(k)] {
		return true
	}
	c, _ := st.meansAt(k)
	return c != ""
}

// hasYear reports whether a date expression writes its year: four
// digits in a row ("March 2022", "1945"; not "June", "the 30th").
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// premodifiers reports whether tokens [lo, hi) are at most three
// lower-case words that can stand before a noun in its phrase ("atomic",
// "suicide", "car"): no preposition, determiner, conjunction, verb group
// word or punctuation.
func (st *state) premodifiers(lo, hi int) bool {
	if hi-lo > 3 {
		return false
	}
	for k := lo; k < hi; k++ {
		t := st.toks[k]
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k]&(cPrep|cDet|cConj|cAux|cModal|cNeg|cRel|cSubord) != 0 {
			return false
		}
	}
	return true
}

// sameYear reports whether d is a bare year ("the 1987 offensive") that is
// the article's own year: it says less than the article's date.
func (st *state) sameYear(d *when.Expr) bool {
	return d.Precision == when.Year && !st.base.IsZero() && d.Date.Year() == st.base.Year()
}

// harmVerbs are the past forms of killing and wounding, the acts done in
// an attack or war rather than over it.
var harmVerbs = map[string]bool{"killed": true, "wounded": true, "injured": true, "murdered": true,
	"massacred": true, "slaughtered": true, "died": true, "executed": true, "maimed": true,
	"slain": true, "raped": true, "tortured": true, "burned": true, "destroyed": true}

// eventNouns name a violent event, past once it has a year: "the 1994
// genocide", "the 2022 invasion". The attack nouns (meansNoun) are
// others.
var eventNouns = map[string]bool{"genocide": true, "invasion": true, "massacre": true, "massacres": true,
	"war": true, "coup": true, "uprising": true, "revolution": true, "crackdown": true, "riots": true,
	"pogrom": true, "insurgency": true, "rebellion": true, "intervention": true, "occupation": true}

// eventNounAt reports whether the words at k are an event noun or an
// attack noun, after at most two lower-case premodifiers ("the 2015
// terrorist attack", "the 1945 atomic bombing").
func (st *state) eventNounAt(k int) bool {
	for i := k; i < len(st.toks) && i <= k+2; i++ {
		if eventNouns[st.normOf(i)] || st.meansNoun(i) {
			return true
		}
		if !st.premodifiers(i, i+1) {
			return false
		}
	}
	return false
}

// commaBetween reports whether a comma lies in tokens [lo, hi).
func (st *state) commaBetween(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if st.isWord(k, ",") {
			return true
		}
	}
	return false
}

// codedActorAt reports whether token k lies in a coded actor phrase. (Not
// an uncoded proper name: "Russia attacked Kharkiv on June 7" in an
// article of June 5 would then be dated a year back.)
func (st *state) codedActorAt(k int) bool {
	return k < len(st.npAt) && st.npAt[k] >= 0 && !st.nps[st.npAt[k]].uncoded
}

// actorsOnly reports whether tokens [lo, hi) all lie in coded actor
// phrases ("Friday's Iran attack").
func (st *state) actorsOnly(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if k >= len(st.npAt) || st.npAt[k] < 0 || st.nps[st.npAt[k]].uncoded {
			return false
		}
	}
	return true
}

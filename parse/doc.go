// Package parse is petrel's part-of-speech tagger and labelled dependency
// parser, trained on Universal Dependencies English EWT.
//
// The tagger is a greedy left-to-right averaged perceptron over hashed
// word, affix, shape and context features; the parser is a greedy
// arc-hybrid transition system whose unlabelled transitions and arc labels
// are scored by two averaged perceptrons trained with a dynamic oracle.
// Weights live in flat hashed tables, quantised to int16, so scoring a
// feature is one hash and one contiguous row read. The model file is built
// by cmd/petrel-train and embedded; Default loads it once, on first use.
//
// See docs/PARSER.md for the design, the figures and how to retrain.
package parse

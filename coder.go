package petrel

// Coder turns one article into a Document of sentences, mentions, quotes
// and events. Implementations must be safe for concurrent use by multiple
// goroutines and must never panic, whatever the text.
type Coder interface {
	Code(a *Article) *Document
}

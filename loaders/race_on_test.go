//go:build race

package loaders

// raceDetector tells corpus tests to read a sample: the race detector
// makes reading ten times slower.
const raceDetector = true

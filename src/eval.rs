//! Scoring predictions against gold attributions, with the definitions of
//! PolNeAR's `score.py`.

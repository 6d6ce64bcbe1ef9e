//! Errors a deck author sees: each names the file, the line of the question's `[[question]]`
//! header when there is one, and the question, so the build log points straight at the fix.

use std::fmt;

/// What an error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The file as a whole, or its `[deck]` table.
    File,
    /// One `[[question]]` table: its id when it has a readable one, else its position (1-based).
    Question { index: usize, id: Option<String> },
}

/// One problem found in a deck file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckError {
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub subject: Subject,
    pub message: String,
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match &self.subject {
            Subject::File => {}
            Subject::Question { id: Some(id), .. } => write!(f, ": question {id:?}")?,
            Subject::Question { index, id: None } => write!(f, ": question #{index}")?,
        }
        write!(f, ": {}", self.message.trim_end())
    }
}

impl std::error::Error for DeckError {}

/// Every problem found in a deck file, in file order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckErrors(pub Vec<DeckError>);

impl DeckErrors {
    pub fn single(error: DeckError) -> Self {
        DeckErrors(vec![error])
    }
}

impl fmt::Display for DeckErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DeckErrors {}

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
        write_place(f, &self.file, self.line, &self.subject)?;
        write!(f, ": {}", self.message.trim_end())
    }
}

fn write_place(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    line: Option<usize>,
    subject: &Subject,
) -> fmt::Result {
    write!(f, "{file}")?;
    if let Some(line) = line {
        write!(f, ":{line}")?;
    }
    match subject {
        Subject::File => Ok(()),
        Subject::Question { id: Some(id), .. } => write!(f, ": question {id:?}"),
        Subject::Question { index, id: None } => write!(f, ": question #{index}"),
    }
}

/// Something a deck may do but probably should not (see the `lint` module): printed as
/// `file:line: question "id": warning: message`, and never failing the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckWarning {
    pub file: String,
    /// 1-based line: of the offending code line when it is found verbatim, else of the
    /// question's `[[question]]` header.
    pub line: Option<usize>,
    pub subject: Subject,
    pub message: String,
}

impl fmt::Display for DeckWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_place(f, &self.file, self.line, &self.subject)?;
        write!(f, ": warning: {}", self.message.trim_end())
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

//! Diagnostics: a stable code, a severity, a message, an optional span into a source file, and
//! optional help. Rendered with miette; the CLI decides what they mean for the exit status.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{LabeledSpan, SourceCode};

use crate::input::SourceFile;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One message for the user, optionally pointing into a source file.
#[derive(Clone, Debug)]
pub struct Diag {
    pub severity: Severity,
    /// Stable identifier, e.g. `parse-error`, `unsupported-statement`.
    pub code: &'static str,
    pub message: String,
    pub at: Option<(Arc<SourceFile>, Range<usize>)>,
    pub help: Option<String>,
}

impl Diag {
    pub fn error(code: &'static str, message: impl Into<String>) -> Diag {
        Diag {
            severity: Severity::Error,
            code,
            message: message.into(),
            at: None,
            help: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diag {
        Diag {
            severity: Severity::Warning,
            code,
            message: message.into(),
            at: None,
            help: None,
        }
    }

    /// Points the diagnostic at a byte range of a source file. The file is shared, never
    /// copied: miette reads only a bounded window of it around the span (see `SourceFile`'s
    /// `SourceCode`).
    pub fn at(mut self, file: &Arc<SourceFile>, span: Range<usize>) -> Diag {
        let end = span.end.min(file.text.len());
        let start = span.start.min(end);
        self.at = Some((Arc::clone(file), start..end));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diag {
        self.help = Some(help.into());
        self
    }

    /// `file:line:column` of the start of the span, if any.
    pub fn location(&self) -> Option<String> {
        self.at.as_ref().map(|(f, span)| {
            let (line, col) = f.line_col(span.start);
            format!("{}:{}:{}", f.name, line, col)
        })
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some(loc) => write!(f, "{loc}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Diag {}

impl miette::Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("pgdumpdiff::{}", self.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.at.as_ref().map(|(f, _)| &**f as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (file, span) = self.at.as_ref()?;
        let len = file.label_len(span.clone());
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some("here".into()),
            span.start,
            len,
        ))))
    }
}

import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  actionMatches,
  decideExposure,
  publicUrlStatements,
  statementCoversAction
} from "./chunk-WNNLCRIJ.js";
import {
  readIacTree
} from "./chunk-TPH6OF3P.js";
import {
  applyAllowList,
  fingerprint
} from "./chunk-RZOBS62O.js";
import {
  VERSION
} from "./chunk-KOHQH5XZ.js";
import {
  LineCounter,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit
} from "./chunk-SYCOQQ3O.js";
import {
  RULES
} from "./chunk-JAJAJYEP.js";
import {
  buildReport
} from "./chunk-4GMCL7QT.js";

// src/iac/scan.ts
import { isAbsolute, relative, resolve, sep } from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text.length && text.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text, offset) {
  return "\r\n".indexOf(text.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep2, offset, length) => {
      if (currentParent.type === "property") {
        if (sep2 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep2 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit2(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function visit2(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text, originalPath, value, options) {
  const path = originalPath.slice();
  const errors = [];
  const root = parseTree(text, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path.length > 0) {
    lastSegment = path.pop();
    parent = findNodeAtLocation(root, path);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit2 = edits[i];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit) {
  return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind3) {
  SyntaxKind3[SyntaxKind3["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind3[SyntaxKind3["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind3[SyntaxKind3["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind3[SyntaxKind3["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind3[SyntaxKind3["CommaToken"] = 5] = "CommaToken";
  SyntaxKind3[SyntaxKind3["ColonToken"] = 6] = "ColonToken";
  SyntaxKind3[SyntaxKind3["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind3[SyntaxKind3["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind3[SyntaxKind3["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind3[SyntaxKind3["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind3[SyntaxKind3["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind3[SyntaxKind3["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind3[SyntaxKind3["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind3[SyntaxKind3["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind3[SyntaxKind3["Trivia"] = 15] = "Trivia";
  SyntaxKind3[SyntaxKind3["Unknown"] = 16] = "Unknown";
  SyntaxKind3[SyntaxKind3["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var getNodeValue2 = getNodeValue;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
function modify(text, path, value, options) {
  return setProperty(text, path, value, options);
}

// src/iac/finding.ts
function makeFinding(i) {
  const rule = RULES[i.rule];
  return {
    fingerprint: fingerprint(i.rule, i.path, i.address, i.statementId),
    rule: i.rule,
    severity: i.severity ?? rule.defaultSeverity,
    title: rule.title,
    message: i.message,
    resource: {
      kind: i.kind,
      ...i.functionName ? { functionName: i.functionName } : {},
      ...i.qualifier !== void 0 ? { qualifier: i.qualifier } : {},
      iac: { address: i.address, flavour: i.flavour }
    },
    location: { path: i.path, startLine: i.line, endLine: i.endLine ?? i.line },
    evidence: i.evidence ?? {},
    remediation: i.remediation
  };
}
function removePermissionNote(functionName) {
  const fn = functionName ?? "<function name>";
  return `The AWS provider added the public statements itself, so they stay in the live policy after this change until you run: aws lambda remove-permission --function-name ${fn} --statement-id FunctionURLAllowPublicAccess (and, where present, --statement-id FunctionURLAllowInvokeAction).`;
}
var SUMMARY = {
  "public-url": "Set the function URL's auth type to AWS_IAM and remove the public URL permissions.",
  "restricted-url": "Set the function URL's auth type to AWS_IAM and remove the public URL permissions.",
  "unanalysable-policy": "Set the function URL's auth type to AWS_IAM, or check its policy by hand.",
  "url-permission-only": "Set the function URL's auth type to AWS_IAM (or grant both permissions deliberately and record the intent).",
  "invoke-permission-only": "Set the function URL's auth type to AWS_IAM (or grant both permissions deliberately and record the intent).",
  "latent-grant": "Remove the public function URL permission, or record the intent under allow in .github/lambda-guard.yml.",
  "public-invoke": "Scope the principal to the account or service that invokes the function (with a source ARN or account), or remove the permission.",
  "any-account-url": "Grant lambda:InvokeFunctionUrl to the accounts or roles that call the URL instead of every principal."
};
function exposureFinding(x, o) {
  const urlRef = x.url?.ref;
  const at = (x.rule === "LG002" ? x.statements[0]?.ref : urlRef) ?? urlRef ?? x.statements[0].ref;
  const patches = [];
  for (const intent of x.fix) {
    if (intent.kind === "set-auth-iam")
      patches.push(intent.url.ref.setIam?.() ?? { unfixable: "the auth type cannot be patched here" });
    else if (intent.kind === "scope-principal")
      for (const s of intent.statements)
        patches.push(
          s.ref.scope?.() ?? {
            unfixable: "which principal should invoke the function is a decision for its owner: scope it by hand"
          }
        );
    else {
      const groups = /* @__PURE__ */ new Map();
      for (const s of intent.statements) {
        const g = s.ref.group;
        if (!g) {
          patches.push({ unfixable: `${s.label} cannot be removed automatically` });
          continue;
        }
        const e = groups.get(g.key) ?? { remove: g.remove, labels: [] };
        e.labels.push(s.label);
        groups.set(g.key, e);
      }
      for (const g of groups.values()) patches.push(g.remove(g.labels));
    }
  }
  const notes = [...o.notes ?? []];
  const edits = [];
  let unfixable;
  for (const p of patches) {
    if ("unfixable" in p) unfixable ??= p.unfixable;
    else {
      for (const e of p.edits)
        if (!edits.some((d) => d.path === e.path && d.start === e.start && d.end === e.end)) edits.push(e);
      for (const n of p.notes) if (!notes.includes(n)) notes.push(n);
    }
  }
  const finding = makeFinding({
    rule: x.rule,
    severity: x.severity,
    flavour: o.flavour,
    kind: x.resourceKind,
    address: at.address,
    path: at.path,
    line: at.line,
    ...o.functionName ? { functionName: o.functionName } : {},
    qualifier: x.qualifier,
    message: `${o.subject}: ${x.reason}.`,
    evidence: { ...x.evidence, ...urlRef?.evidence, ...at === urlRef ? {} : at.evidence },
    remediation: { summary: SUMMARY[x.kind], ...notes.length > 0 ? { notes } : {} }
  });
  const out = {
    finding,
    ...at.resourceRange ? { resourceRange: at.resourceRange } : {},
    ...at.function ?? urlRef?.function ? { function: at.function ?? urlRef?.function } : {}
  };
  if (unfixable !== void 0) out.unfixable = unfixable;
  else if (edits.length > 0) out.fix = { edits, notes };
  else out.unfixable = "nothing in this code grants it: fix it in the account";
  return out;
}

// src/iac/policy-statements.ts
var GET_FUNCTION = "lambda:GetFunction";
var LIST_TAGS = "lambda:ListTags";
function actionMatches2(pattern, action) {
  return actionMatches(pattern.trim(), action);
}
function statementCoversAction2(stmt, action) {
  const s = {};
  if (stmt.actions) s.Action = stmt.actions;
  else if (stmt.notActions) s.NotAction = stmt.notActions;
  return statementCoversAction(s, action);
}
function resourcesMayIncludeFunction(stmt) {
  if (stmt.notResources) return true;
  if (!stmt.resources || stmt.resources.length === 0) return true;
  return stmt.resources.some(
    (r) => r === "*" || /lambda/i.test(r) || /^arn:[^:]*:\*/.test(r) || r.includes("${")
  );
}
var MANAGED_POLICIES_WITH_LISTTAGS = /* @__PURE__ */ new Set([
  "AdministratorAccess",
  "PowerUserAccess",
  "ReadOnlyAccess",
  "ViewOnlyAccess",
  "AWSLambda_FullAccess",
  "AWSLambda_ReadOnlyAccess",
  "AWSLambdaFullAccess",
  "AWSLambdaReadOnlyAccess",
  "SecurityAudit"
]);
function managedPolicyAllowsListTags(arnOrName) {
  const name = arnOrName.replace(/^arn:[^:]+:iam::aws:policy\/(?:.*\/)?/, "");
  return MANAGED_POLICIES_WITH_LISTTAGS.has(name);
}
function analyzeIdentity(statements, managedPolicies = []) {
  const getFunctionStatements = [];
  let listTagsAllowed = managedPolicies.some(managedPolicyAllowsListTags);
  let listTagsDenied = false;
  statements.forEach((s, i) => {
    if (s.effect === "Allow") {
      if (statementCoversAction2(s, GET_FUNCTION) && resourcesMayIncludeFunction(s))
        getFunctionStatements.push(i);
      if (statementCoversAction2(s, LIST_TAGS) && resourcesMayIncludeFunction(s)) listTagsAllowed = true;
    } else if (s.effect === "Deny" && statementCoversAction2(s, LIST_TAGS) && !s.condition) {
      listTagsDenied = true;
    }
  });
  return { getFunctionStatements, listTagsAllowed: listTagsAllowed && !listTagsDenied, listTagsDenied };
}
function fromJsonStatement(raw) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const o = raw;
  const list = (v) => typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === "string") : void 0;
  const effect = o.Effect === "Deny" ? "Deny" : o.Effect === "Allow" ? "Allow" : null;
  if (!effect) return null;
  const stmt = { effect };
  if (typeof o.Sid === "string") stmt.sid = o.Sid;
  const actions = list(o.Action);
  const notActions = list(o.NotAction);
  if (actions) stmt.actions = actions;
  if (notActions) stmt.notActions = notActions;
  const resources = list(o.Resource);
  const notResources = list(o.NotResource);
  if (resources) stmt.resources = resources;
  if (notResources) stmt.notResources = notResources;
  if (o.Condition !== void 0) stmt.condition = o.Condition;
  return stmt;
}

// src/iac/wasm.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var WASM_FILES = {
  "tree-sitter.wasm": "web-tree-sitter/tree-sitter.wasm",
  "tree-sitter-terraform.wasm": "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm",
  "tree-sitter-hcl.wasm": "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm",
  "tree-sitter-typescript.wasm": "tree-sitter-typescript/tree-sitter-typescript.wasm",
  "tree-sitter-tsx.wasm": "tree-sitter-typescript/tree-sitter-tsx.wasm",
  "tree-sitter-python.wasm": "tree-sitter-python/tree-sitter-python.wasm"
};
function wasmPath(file) {
  for (const dir of ["./wasm/", "../wasm/"]) {
    try {
      const bundled = fileURLToPath(new URL(`${dir}${file}`, import.meta.url));
      if (existsSync(bundled)) return bundled;
    } catch {
    }
  }
  const require2 = createRequire(import.meta.url);
  try {
    return require2.resolve(WASM_FILES[file]);
  } catch {
    throw new Error(
      `cannot find ${file}: neither ./wasm/${file} beside the bundle nor ${WASM_FILES[file]} in node_modules \u2014 reinstall or rebuild lambda-guard`
    );
  }
}

// src/iac/treesitter.ts
var GRAMMAR_FILES = {
  terraform: "tree-sitter-terraform.wasm",
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  python: "tree-sitter-python.wasm"
};
var runtime;
var parsers = /* @__PURE__ */ new Map();
function treeSitter() {
  runtime ??= (async () => {
    const { setFlagsFromString } = await import("node:v8");
    setFlagsFromString("--liftoff-only");
    const lib = await import("./tree-sitter-IGTICIFD.js");
    await lib.Parser.init({
      locateFile: (name) => name === "tree-sitter.wasm" ? wasmPath("tree-sitter.wasm") : name
    });
    return lib;
  })();
  return runtime;
}
function getParser(grammar) {
  let p = parsers.get(grammar);
  if (!p) {
    p = (async () => {
      const { Language, Parser } = await treeSitter();
      const lang = await Language.load(wasmPath(GRAMMAR_FILES[grammar]));
      const parser = new Parser();
      parser.setLanguage(lang);
      return parser;
    })();
    parsers.set(grammar, p);
  }
  return p;
}
var KEPT_PER_GRAMMAR = 4;
var KEEP_FROM_CHARS = 64 * 1024;
var kept = /* @__PURE__ */ new Map();
function keptTree(grammar, text) {
  return kept.get(grammar)?.find((k) => k.text === text)?.tree;
}
function keep(grammar, text, tree) {
  const list = kept.get(grammar) ?? [];
  list.push({ text, tree });
  while (list.length > KEPT_PER_GRAMMAR) list.shift().tree.delete();
  kept.set(grammar, list);
}
async function parse2(grammar, text) {
  const hit = keptTree(grammar, text);
  if (hit) return hit.copy();
  const parser = await getParser(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter failed to parse (${grammar})`);
  if (text.length >= KEEP_FROM_CHARS) keep(grammar, text, tree.copy());
  return tree;
}
function lineStarts(text) {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const out = new Int32Array(n);
  let k = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out[k++] = i + 1;
  return out;
}
function pointAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}
function pointAfter(start, inserted) {
  const nl = inserted.lastIndexOf("\n");
  if (nl < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = 0; i <= nl; i++) if (inserted.charCodeAt(i) === 10) rows++;
  return { row: start.row + rows, column: inserted.length - nl - 1 };
}
async function parseEdited(grammar, before, after, edits) {
  const base = keptTree(grammar, before);
  if (!base || keptTree(grammar, after)) return;
  const old = base.copy();
  const starts = lineStarts(before);
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const startPosition = pointAt(starts, e.start);
    old.edit({
      startIndex: e.start,
      oldEndIndex: e.end,
      newEndIndex: e.start + e.newText.length,
      startPosition,
      oldEndPosition: pointAt(starts, e.end),
      newEndPosition: pointAfter(startPosition, e.newText)
    });
  }
  const parser = await getParser(grammar);
  const tree = parser.parse(after, old);
  old.delete();
  if (tree) keep(grammar, after, tree);
}
function firstError(root) {
  if (!root.hasError) return null;
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n.isError || n.isMissing) return n;
    if (!n.hasError && !n.isMissing) continue;
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return root;
}
function named(n) {
  return n.namedChildren.filter((c) => c !== null);
}
function lineOf(n) {
  return n.startPosition.row + 1;
}

// src/iac/list-insert.ts
var COMMENT_ONLY = /^[ \t]*(?:(?:#|\/\/).*|\/\*.*\*\/[ \t]*)?$/;
function lineStartOf(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function appendAfterLast(text, last, item) {
  if (!last.multiLine) return { start: last.end, end: last.end, newText: `, ${item}` };
  const indent = /^[ \t]*/.exec(text.slice(lineStartOf(text, last.start), last.start))?.[0] ?? "";
  const after = last.commaEnd ?? last.end;
  const nl = text.indexOf("\n", after);
  const lineEnd3 = nl < 0 ? text.length : text[nl - 1] === "\r" ? nl - 1 : nl;
  const eol = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  const rest = text.slice(after, lineEnd3);
  if (COMMENT_ONLY.test(rest)) {
    if (last.commaEnd !== void 0)
      return { start: lineEnd3, end: lineEnd3, newText: `${eol}${indent}${item},` };
    return { start: last.end, end: lineEnd3, newText: `,${rest}${eol}${indent}${item}` };
  }
  if (last.commaEnd !== void 0) return { start: after, end: after, newText: ` ${item},` };
  return { start: last.end, end: last.end, newText: `,${eol}${indent}${item}` };
}

// src/iac/terraform/hcl.ts
var lineStarts2 = /* @__PURE__ */ new WeakMap();
function positionAt(file, offset) {
  let starts = lineStarts2.get(file);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts2.set(file, starts);
  }
  return pointAt(starts, offset);
}
var JsonExpr = class {
  constructor(json, file) {
    this.json = json;
    this.file = file;
  }
  json;
  file;
  get text() {
    return this.file.text.slice(this.json.offset, this.json.offset + this.json.length);
  }
  get startIndex() {
    return this.json.offset;
  }
  get endIndex() {
    return this.json.offset + this.json.length;
  }
  get startPosition() {
    return positionAt(this.file, this.json.offset);
  }
  get hasError() {
    return false;
  }
};
function jsonTraversal(e) {
  if (e.json.type !== "string" || typeof e.json.value !== "string") return null;
  const m = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)\s*\}$/.exec(e.json.value);
  if (!m) return null;
  return m[1].match(/[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]/g) ?? null;
}
function unescapeHcl(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, e) => {
    if (m === "$${") return "${";
    if (m === "%%{") return "%{";
    if (!e) return m;
    switch (e[0]) {
      case "n":
        return "\n";
      case "t":
        return "	";
      case "r":
        return "\r";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "u":
      case "U":
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return m;
    }
  });
}
function stringLitValue(n) {
  return named(n).filter((c) => c.type === "template_literal").map((c) => unescapeHcl(c.text)).join("");
}
function readBody(file, body) {
  const attrs = /* @__PURE__ */ new Map();
  const blocks = [];
  if (!body) return { attrs, blocks };
  for (const c of named(body)) {
    if (c.type === "attribute") {
      const kids = named(c);
      const id = kids[0];
      const expr = kids.find((x) => x.type === "expression");
      if (id && expr) attrs.set(id.text, { name: id.text, node: c, expr, line: lineOf(c) });
    } else if (c.type === "block") {
      const b = readBlock(file, c);
      if (b) blocks.push(b);
    }
  }
  return { attrs, blocks };
}
function readBlock(file, n) {
  const kids = named(n);
  const id = kids[0];
  if (!id || id.type !== "identifier") return null;
  const labels = [];
  let body = null;
  for (const k of kids.slice(1)) {
    if (k.type === "string_lit") labels.push(stringLitValue(k));
    else if (k.type === "identifier") labels.push(k.text);
    else if (k.type === "body") body = k;
  }
  const { attrs, blocks } = readBody(file, body);
  return {
    file,
    node: n,
    type: id.text,
    labels,
    attrs,
    blocks,
    startLine: lineOf(n),
    endLine: n.endPosition.row + 1,
    body
  };
}
function readFile(file, root) {
  const body = named(root).find((c) => c.type === "body") ?? null;
  return readBody(file, body);
}
function exprParts(expr) {
  if (expr instanceof JsonExpr) return { head: null, rest: [] };
  let e = expr;
  for (; ; ) {
    const kids = named(e);
    if (e.type === "expression" && kids.length === 1 && kids[0].type === "expression") {
      e = kids[0];
      continue;
    }
    if (e.type !== "expression") return { head: e, rest: [] };
    return { head: kids[0] ?? null, rest: kids.slice(1) };
  }
}
function traversal(expr) {
  if (expr instanceof JsonExpr) return jsonTraversal(expr);
  const { head, rest } = exprParts(expr);
  if (!head || head.type !== "variable_expr") return null;
  const parts = [head.text];
  for (const r of rest) {
    if (r.type === "get_attr") {
      const id = named(r)[0];
      if (!id) return null;
      parts.push(id.text);
    } else if (r.type === "index" || r.type === "splat") {
      parts.push(r.text);
    } else return null;
  }
  return parts;
}
function objectEntries(obj) {
  const out = [];
  for (const el of named(obj)) {
    if (el.type !== "object_elem") continue;
    const exprs = named(el).filter((x) => x.type === "expression");
    const k = exprs[0];
    const v = exprs[1];
    if (!k || !v) continue;
    const { head } = exprParts(k);
    let key = k.text;
    if (head?.type === "variable_expr") key = head.text;
    else if (head?.type === "literal_value" && head.namedChildren[0]?.type === "string_lit")
      key = stringLitValue(head.namedChildren[0]);
    else if (head?.type === "template_expr") key = k.text.replace(/^"|"$/g, "");
    out.push({ key, keyNode: k, value: v, elem: el });
  }
  return out;
}
function collectionOf(expr) {
  if (expr instanceof JsonExpr) return null;
  const { head, rest } = exprParts(expr);
  if (!head || rest.length > 0 || head.type !== "collection_value") return null;
  return head.namedChildren[0] ?? null;
}
function tupleElements(tuple) {
  return named(tuple).filter((x) => x.type === "expression");
}
function listItems(expr) {
  if (expr instanceof JsonExpr) {
    if (expr.json.type !== "array") return null;
    return (expr.json.children ?? []).map((c2) => new JsonExpr(c2, expr.file));
  }
  const c = collectionOf(expr);
  return c?.type === "tuple" ? tupleElements(c) : null;
}

// src/iac/lines.ts
function lineAt(text, offset) {
  const end = Math.min(offset, text.length);
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

// src/iac/yaml-edit.ts
var CLOUDFORMATION_TAG_NAMES = [
  "!Ref",
  "!Sub",
  "!If",
  "!GetAtt",
  "!Equals",
  "!Join",
  "!Select",
  "!Split",
  "!FindInMap",
  "!Base64",
  "!Cidr",
  "!ImportValue",
  "!GetAZs",
  "!And",
  "!Or",
  "!Not",
  "!Condition",
  "!Transform",
  "!Length",
  "!ToJsonString",
  "!ForEach"
];
function cloudformationTags() {
  const out = [];
  for (const tag of CLOUDFORMATION_TAG_NAMES) {
    out.push({ tag, resolve: (s) => s });
    out.push({ tag, collection: "seq", resolve: (v) => v });
    out.push({ tag, collection: "map", resolve: (v) => v });
  }
  return out;
}
var CFN_TAGS;
function parseYaml(text, options = {}) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    keepSourceTokens: true,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    ...options.cloudformation ? { customTags: CFN_TAGS ??= cloudformationTags() } : {}
  });
  const errors = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { message: e.message.split("\n")[0] ?? e.message, line: pos.line, column: pos.col };
  });
  return { text, doc, lineCounter, errors };
}
function lineStart(text, offset) {
  const i = text.lastIndexOf("\n", offset - 1);
  return i < 0 ? 0 : i + 1;
}
function lineEndInclusive(text, offset) {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i + 1;
}
function nodeSpan(node) {
  const r = node.range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
}
function pairSpan(pair) {
  const k = isNode(pair.key) ? pair.key.range : void 0;
  const v = isNode(pair.value) ? pair.value.range : void 0;
  const start = k?.[0] ?? v?.[0] ?? 0;
  const end = v?.[1] ?? k?.[1] ?? start;
  return { start, end: Math.max(start, end) };
}
function formatScalarLike(text, like, value) {
  const first = like?.range ? text[like.range[0]] : void 0;
  if (first === '"' || like?.type === "QUOTE_DOUBLE") return JSON.stringify(value);
  if (first === "'" || like?.type === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  return needsQuotes(value) ? JSON.stringify(value) : value;
}
function needsQuotes(value) {
  return value === "" || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |\s#|\s$/.test(value) || /^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value);
}
function yamlReplaceScalar(text, node, value) {
  const { start, end } = nodeSpan(node);
  return { start, end, newText: formatScalarLike(text, node, value) };
}
function yamlReplaceNode(node, newText) {
  const { start, end } = nodeSpan(node);
  return { start, end, newText };
}
function lastContentLineEnd(text, node) {
  const span = isPair(node) ? pairSpan(node) : nodeSpan(node);
  let e = span.end;
  while (e > span.start && /\s/.test(text[e - 1] ?? "")) e--;
  return lineEndInclusive(text, Math.max(span.start, e - 1));
}
function removeFlowItem(text, items, index) {
  const it = items[index];
  if (!it) return void 0;
  const next = items[index + 1];
  const prev = items[index - 1];
  if (next) return { start: it.start, end: next.start, newText: "" };
  if (prev) return { start: prev.end, end: it.end, newText: "" };
  return { start: it.start, end: it.end, newText: "" };
}
function yamlRemovePair(text, map, pair) {
  if (map.flow) {
    const spans = map.items.map((p) => pairSpan(p));
    const edit = removeFlowItem(text, spans, map.items.indexOf(pair));
    if (edit) return edit;
  }
  const span = pairSpan(pair);
  const start = withLeadingComments(text, lineStart(text, span.start), columnOf(text, span.start));
  return eatBlankLine(text, { start, end: lastContentLineEnd(text, pair), newText: "" });
}
function withLeadingComments(text, start, column) {
  let s = start;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    const line = text.slice(prev, s).replace(/\r?\n$/, "");
    const m = /^([ \t]*)#/.exec(line);
    if (!m || m[1].length !== column || /lambda-guard:allow|checkov:skip/i.test(line)) break;
    s = prev;
  }
  return s;
}
function eatBlankLine(text, e) {
  const prevLineStart = e.start > 0 ? lineStart(text, e.start - 1) : -1;
  const prevBlank = prevLineStart >= 0 && /^[ \t]*\r?\n$/.test(text.slice(prevLineStart, e.start));
  const nextEnd = lineEndInclusive(text, e.end);
  const nextBlank = e.end < text.length && /^[ \t]*\r?\n$/.test(text.slice(e.end, nextEnd));
  return prevBlank && nextBlank ? { ...e, end: nextEnd } : e;
}
function yamlRemoveSeqItem(text, seq, index) {
  const item = seq.items[index];
  if (!isNode(item)) return void 0;
  if (seq.flow) {
    return removeFlowItem(
      text,
      seq.items.map((i) => isNode(i) ? nodeSpan(i) : { start: 0, end: 0 }),
      index
    );
  }
  const span = nodeSpan(item);
  return eatBlankLine(text, {
    start: lineStart(text, span.start),
    end: lastContentLineEnd(text, item),
    newText: ""
  });
}
function eolOf(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function columnOf(text, offset) {
  return offset - lineStart(text, offset);
}
function dashColumn(text, item) {
  const s = nodeSpan(item).start;
  const ls = lineStart(text, s);
  const before = text.slice(ls, s);
  const i = before.lastIndexOf("-");
  return i >= 0 ? i : columnOf(text, s);
}
function sequenceIndent(src) {
  let found;
  visit(src.doc, {
    Pair(_, pair) {
      if (found !== void 0) return visit.BREAK;
      if (isSeq(pair.value) && !pair.value.flow && isNode(pair.key) && pair.value.items.length > 0) {
        const first = pair.value.items[0];
        if (isNode(first) && pair.key.range) {
          found = dashColumn(src.text, first) - columnOf(src.text, pair.key.range[0]);
        }
      }
      return void 0;
    }
  });
  return found !== void 0 && found >= 0 ? found : 2;
}
function itemLike(text, seq, value) {
  const last = [...seq.items].reverse().find((i) => isScalar(i));
  return formatScalarLike(text, last, value);
}
function yamlAppendToSeq(text, seq, value) {
  const last = seq.items[seq.items.length - 1];
  const item = itemLike(text, seq, value);
  if (seq.flow) {
    if (!isNode(last)) {
      const { start, end } = nodeSpan(seq);
      return { start, end, newText: `[${item}]` };
    }
    const e = nodeSpan(last).end;
    return { start: e, end: e, newText: `, ${item}` };
  }
  if (!isNode(last)) return void 0;
  const col = dashColumn(text, last);
  const at = lastContentLineEnd(text, last);
  const eol = eolOf(text);
  const nl = text[at - 1] === "\n" ? "" : eol;
  return { start: at, end: at, newText: `${nl}${" ".repeat(col)}- ${item}${nl ? "" : eol}` };
}
function yamlScalarToSeq(src, map, pair, value, style) {
  const text = src.text;
  const scalar = pair.value;
  if (!isScalar(scalar) || !isNode(pair.key) || !pair.key.range || !scalar.range) return void 0;
  if (scalar.type === "BLOCK_LITERAL" || scalar.type === "BLOCK_FOLDED") return void 0;
  if (lineAt(text, scalar.range[0]) !== lineAt(text, scalar.range[1])) return void 0;
  const oldText = text.slice(scalar.range[0], scalar.range[1]);
  const newItem = formatScalarLike(text, scalar, value);
  const siblingsFlow = map.items.some((p) => isSeq(p.value) && p.value.flow);
  const useFlow = style ? style === "flow" : map.flow || siblingsFlow || scalar.tag !== void 0;
  if (useFlow) return { start: scalar.range[0], end: scalar.range[1], newText: `[${oldText}, ${newItem}]` };
  const keyCol = columnOf(text, pair.key.range[0]);
  const indent = " ".repeat(keyCol + sequenceIndent(src));
  const colon = text.indexOf(":", pair.key.range[1]);
  if (colon < 0 || colon > scalar.range[0]) return void 0;
  const nl = text.indexOf("\n", scalar.range[1]);
  const lineEnd3 = nl < 0 ? text.length : text[nl - 1] === "\r" ? nl - 1 : nl;
  const rest = text.slice(scalar.range[1], lineEnd3);
  const eol = text[nl - 1] === "\r" ? "\r\n" : "\n";
  return {
    start: colon + 1,
    end: lineEnd3,
    newText: `${eol}${indent}- ${oldText}${rest}${eol}${indent}- ${newItem}`
  };
}
function yamlInsertPair(text, map, key, valueText) {
  const last = map.items[map.items.length - 1];
  const first = map.items[0];
  if (map.flow) {
    if (!last) {
      const { start, end } = nodeSpan(map);
      return { start, end, newText: `{ ${key}: ${valueText} }` };
    }
    const e = pairSpan(last).end;
    return { start: e, end: e, newText: `, ${key}: ${valueText}` };
  }
  if (!last || !first || !isNode(first.key) || !first.key.range) return void 0;
  const col = columnOf(text, first.key.range[0]);
  const at = lastContentLineEnd(text, last);
  const eol = eolOf(text);
  const nl = text[at - 1] === "\n" ? "" : eol;
  return { start: at, end: at, newText: `${nl}${" ".repeat(col)}${key}: ${valueText}${nl ? "" : eol}` };
}

// src/iac/json-edit.ts
function parseJson(text) {
  const errs = [];
  const root = parseTree2(text, errs, { allowTrailingComma: true, disallowComments: false });
  const errors = errs.map((e) => {
    const ls = lineStart(text, e.offset);
    return { message: printParseErrorCode(e.error), line: lineAt(text, e.offset), column: e.offset - ls + 1 };
  });
  return { text, root, errors };
}
function jsonNodeAt(src, path) {
  return src.root ? findNodeAtLocation2(src.root, [...path]) : void 0;
}
function jsonPathOf(node) {
  const path = [];
  let n = node;
  while (n?.parent) {
    const p = n.parent;
    if (p.type === "property") {
      const key = p.children?.[0]?.value;
      if (p.children?.[1] === n) path.unshift(String(key));
      n = p.parent;
    } else if (p.type === "array") {
      path.unshift(p.children?.indexOf(n) ?? 0);
      n = p;
    } else {
      n = p;
    }
  }
  return path;
}
function detectJsonFormatting(text) {
  const m = /\n([ \t]+)\S/.exec(text);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (!m?.[1]) return { insertSpaces: true, tabSize: 2, eol };
  if (m[1].startsWith("	")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m[1].length, eol };
}
function jsonReplaceValue(node, value) {
  return { start: node.offset, end: node.offset + node.length, newText: JSON.stringify(value) };
}
function jsonReplaceRaw(node, newText) {
  return { start: node.offset, end: node.offset + node.length, newText };
}
function single(text, edits) {
  if (edits.length === 0) return void 0;
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  let chunk = text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    chunk = chunk.slice(0, e.offset - start) + e.content + chunk.slice(e.offset - start + e.length);
  }
  return { start, end, newText: chunk };
}
function jsonRemove(src, path) {
  const value = jsonNodeAt(src, path);
  if (!value) return void 0;
  const node = value.parent?.type === "property" ? value.parent : value;
  const parent = node.parent;
  if (!parent) return void 0;
  const text = src.text;
  const siblings = parent.children ?? [];
  const idx = siblings.indexOf(node);
  const prev = idx > 0 ? siblings[idx - 1] : void 0;
  const next = siblings[idx + 1];
  const start = node.offset;
  let end = node.offset + node.length;
  let j = end;
  while (j < text.length && (text[j] === " " || text[j] === "	")) j++;
  if (text[j] === ",") end = j + 1;
  const ls = lineStart(text, start);
  const nl = text.indexOf("\n", end);
  const restOfLine = text.slice(end, nl < 0 ? text.length : nl);
  const ownLines = /^[ \t]*$/.test(text.slice(ls, start)) && /^\s*(?:\/\/.*|\/\*.*\*\/\s*)?$/.test(restOfLine);
  if (ownLines) return { start: ls, end: nl < 0 ? text.length : nl + 1, newText: "" };
  if (next) return { start, end: next.offset, newText: "" };
  if (prev) return { start: prev.offset + prev.length, end, newText: "" };
  return { start, end, newText: "" };
}
var SyntaxKind2 = {
  CloseBraceToken: 2,
  CloseBracketToken: 4,
  CommaToken: 5,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17
};
function trailingCommas(text) {
  const scanner = createScanner2(text, false);
  const out = [];
  let comma = -1;
  for (let t = scanner.scan(); t !== SyntaxKind2.EOF; t = scanner.scan()) {
    if (t === SyntaxKind2.Trivia || t === SyntaxKind2.LineBreakTrivia) continue;
    if (t === SyntaxKind2.LineCommentTrivia || t === SyntaxKind2.BlockCommentTrivia) continue;
    if ((t === SyntaxKind2.CloseBraceToken || t === SyntaxKind2.CloseBracketToken) && comma >= 0)
      out.push(comma);
    comma = t === SyntaxKind2.CommaToken ? scanner.getTokenOffset() : -1;
  }
  return out;
}
function dropTrailingCommas(text) {
  const commas = trailingCommas(text);
  if (commas.length === 0) return text;
  const parts = [];
  let at = 0;
  for (const c of commas) {
    let e = c + 1;
    while (text[e] === " " || text[e] === "	") e++;
    if (text[e] !== "}" && text[e] !== "]") e = c + 1;
    parts.push(text.slice(at, c));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
function jsonInsertProperty(src, objectPath, key, value) {
  const edits = modify(src.text, [...objectPath, key], value, {
    formattingOptions: detectJsonFormatting(src.text)
  });
  return single(src.text, edits);
}
function jsonAppendString(src, node, value) {
  const text = src.text;
  if (node.type === "string") {
    const old = text.slice(node.offset, node.offset + node.length);
    return jsonReplaceRaw(node, `[${old}, ${JSON.stringify(value)}]`);
  }
  if (node.type !== "array") return void 0;
  const items = node.children ?? [];
  const last = items[items.length - 1];
  if (!last) return jsonReplaceRaw(node, `[${JSON.stringify(value)}]`);
  const multiLine = lineAt(text, node.offset) !== lineAt(text, last.offset);
  return appendAfterLast(
    text,
    { start: last.offset, end: last.offset + last.length, multiLine },
    JSON.stringify(value)
  );
}

// src/iac/terraform/tfjson.ts
var NESTED_BLOCKS = /* @__PURE__ */ new Set([
  "statement",
  "principals",
  "not_principals",
  "condition",
  "inline_policy",
  "cors",
  "lifecycle"
]);
var LABELS = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1
};
function lineOfOffset(file, offset) {
  return positionAt(file, offset).row + 1;
}
function props(obj) {
  if (obj.type !== "object") return [];
  const out = [];
  for (const p of obj.children ?? []) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (p.type === "property" && k && v && typeof k.value === "string")
      out.push({ key: k.value, keyNode: k, value: v, prop: p });
  }
  return out;
}
function jsonBlock(file, type, labels, body, span, path) {
  const attrs = /* @__PURE__ */ new Map();
  const blocks = [];
  for (const p of props(body)) {
    if (p.key === "//") continue;
    if (NESTED_BLOCKS.has(p.key) && (p.value.type === "object" || p.value.type === "array")) {
      const items = p.value.type === "array" ? p.value.children ?? [] : [p.value];
      items.forEach((it, i) => {
        if (it.type !== "object") return;
        const sub = p.value.type === "array" ? [...path, p.key, i] : [...path, p.key];
        blocks.push(jsonBlock(file, p.key, [], it, it, sub));
      });
      continue;
    }
    attrs.set(p.key, {
      name: p.key,
      node: new JsonExpr(p.prop, file),
      expr: new JsonExpr(p.value, file),
      line: lineOfOffset(file, p.prop.offset)
    });
  }
  return {
    file,
    node: new JsonExpr(span, file),
    type,
    labels,
    attrs,
    blocks,
    startLine: lineOfOffset(file, span.offset),
    endLine: lineOfOffset(file, span.offset + span.length),
    body: null,
    json: { path }
  };
}
function readTfJson(file, tfvars) {
  const src = parseJson(file.text);
  const root = src.root;
  const out = { blocks: [], attrs: /* @__PURE__ */ new Map() };
  if (src.errors.length > 0) out.errorLine = src.errors[0].line;
  if (!root || root.type !== "object" || out.errorLine !== void 0) return out;
  if (tfvars) {
    for (const p of props(root))
      out.attrs.set(p.key, {
        name: p.key,
        node: new JsonExpr(p.prop, file),
        expr: new JsonExpr(p.value, file),
        line: lineOfOffset(file, p.prop.offset)
      });
    return out;
  }
  for (const top of props(root)) {
    const type = top.key;
    const groups = top.value.type === "array" ? (top.value.children ?? []).map((g, i) => ({ node: g, path: [type, i] })) : [{ node: top.value, path: [type] }];
    for (const g of groups) {
      if (type === "locals") {
        if (g.node.type === "object")
          out.blocks.push(jsonBlock(file, "locals", [], g.node, top.prop, g.path));
        continue;
      }
      const n = LABELS[type];
      if (!n) continue;
      for (const l1 of props(g.node)) {
        if (n === 1) {
          if (l1.value.type === "object")
            out.blocks.push(jsonBlock(file, type, [l1.key], l1.value, l1.prop, [...g.path, l1.key]));
          continue;
        }
        for (const l2 of props(l1.value)) {
          const bodies = l2.value.type === "array" ? l2.value.children ?? [] : [l2.value];
          for (const body of bodies) {
            if (body.type !== "object") continue;
            out.blocks.push(
              jsonBlock(file, type, [l1.key, l2.key], body, l2.prop, [...g.path, l1.key, l2.key])
            );
          }
        }
      }
    }
  }
  return out;
}
function deleteJsonBlocks(blocks) {
  const out = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const b of blocks) {
    if (!b.json) return null;
    byFile.set(b.file.path, [...byFile.get(b.file.path) ?? [], b]);
  }
  for (const [path, list] of byFile) {
    const file = list[0].file;
    const src = parseJson(file.text);
    if (!src.root) return null;
    const root = src.root;
    const key = (p) => JSON.stringify(p);
    let removed = new Map(list.map((b) => [key(b.json.path), b.json.path]));
    for (let changed = true; changed; ) {
      changed = false;
      const byParent2 = /* @__PURE__ */ new Map();
      for (const p of removed.values()) {
        const k = key(p.slice(0, -1));
        byParent2.set(k, [...byParent2.get(k) ?? [], p]);
      }
      for (const [k, ps] of byParent2) {
        const parentPath = JSON.parse(k);
        const parent = findAt(root, parentPath);
        if (parentPath.length > 1 && parent && (parent.children ?? []).length === ps.length) {
          for (const p of ps) removed.delete(key(p));
          removed.set(k, parentPath);
          changed = true;
        }
      }
      removed = new Map(removed);
    }
    const byParent = /* @__PURE__ */ new Map();
    for (const p of removed.values()) {
      const parentPath = p.slice(0, -1);
      const parent = findAt(root, parentPath);
      if (!parent) return null;
      const last = p[p.length - 1];
      const idx = typeof last === "number" ? last : (parent.children ?? []).findIndex(
        (c) => c.type === "property" && c.children?.[0]?.value === last
      );
      if (idx < 0) return null;
      const k = key(parentPath);
      byParent.set(k, (byParent.get(k) ?? /* @__PURE__ */ new Set()).add(idx));
    }
    for (const [k, idxs] of byParent) {
      const parent = findAt(root, JSON.parse(k));
      const items = (parent.children ?? []).map((c) => ({ start: c.offset, end: c.offset + c.length }));
      out.push(...removeListItems(path, file.text, items, idxs));
    }
  }
  return out;
}
function deleteJsonBlock(b) {
  const e = deleteJsonBlocks([b]);
  return e && e.length === 1 ? e[0] : null;
}
function findAt(root, path) {
  let n = root;
  for (const seg of path) {
    if (!n) return void 0;
    if (typeof seg === "number") n = n.type === "array" ? n.children?.[seg] : void 0;
    else n = props(n).find((p) => p.key === seg)?.value;
  }
  return n;
}
function removeListItems(path, text, items, removed) {
  const ls = (o) => text.lastIndexOf("\n", o - 1) + 1;
  const own = (o) => /^[ \t]*$/.test(text.slice(ls(o), o));
  const edits = [];
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue;
    let j = i;
    while (removed.has(j + 1) && j + 1 < items.length) j++;
    const first = items[i];
    const last = items[j];
    const next = items[j + 1];
    const prev = items[i - 1];
    if (next) {
      edits.push(
        own(first.start) && own(next.start) ? { path, start: ls(first.start), end: ls(next.start), newText: "" } : { path, start: first.start, end: next.start, newText: "" }
      );
    } else if (prev) {
      edits.push({ path, start: prev.end, end: last.end, newText: "" });
    } else {
      const nl = text.indexOf("\n", last.end);
      const blankAfter = nl >= 0 && /^[ \t,]*$/.test(text.slice(last.end, nl));
      edits.push(
        own(first.start) && blankAfter ? { path, start: ls(first.start), end: nl + 1, newText: "" } : { path, start: first.start, end: last.end, newText: "" }
      );
    }
    i = j;
  }
  return edits;
}

// src/iac/terraform/edits.ts
function lineStart2(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function lineEnd(text, offset) {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i + 1;
}
function indentAt(text, offset) {
  const s = lineStart2(text, offset);
  return /^[ \t]*/.exec(text.slice(s, offset))?.[0] ?? "";
}
var isBlank = (l) => l !== void 0 && l.trim() === "";
function deleteBlock(file, block) {
  const text = file.text;
  let start = lineStart2(text, block.startIndex);
  let end = lineEnd(text, block.endIndex);
  for (; ; ) {
    if (start === 0) break;
    const prevStart = lineStart2(text, start - 1);
    const prev = text.slice(prevStart, start);
    if (/^\s*(#|\/\/)/.test(prev) && !/lambda-guard:|checkov:/.test(prev)) start = prevStart;
    else break;
  }
  const before = start === 0 ? "" : text.slice(lineStart2(text, start - 1), start);
  const after = text.slice(end, lineEnd(text, end));
  if ((start === 0 || isBlank(before)) && isBlank(after) && end < text.length) end = lineEnd(text, end);
  else if (isBlank(before) && (end >= text.length || after === "" || /^\s*\}\s*$/.test(after)) && start > 0)
    start = lineStart2(text, start - 1);
  return { path: file.path, start, end, newText: "" };
}
function replaceNode(file, n, newText) {
  return { path: file.path, start: n.startIndex, end: n.endIndex, newText };
}
function appendToHclTuple(file, tuple, item) {
  const els = tupleElements(tuple);
  const last = els[els.length - 1];
  if (!last) return replaceNode(file, tuple, `[${item}]`);
  const next = last.nextSibling;
  const e = appendAfterLast(
    file.text,
    {
      start: last.startIndex,
      end: last.endIndex,
      ...next?.type === "," ? { commaEnd: next.endIndex } : {},
      multiLine: last.startPosition.row !== tuple.startPosition.row
    },
    item
  );
  return { path: file.path, ...e };
}
function appendToJsonArray(path, text, base, arr, item) {
  const items = arr.children ?? [];
  const last = items[items.length - 1];
  const quoted = JSON.stringify(item);
  if (!last)
    return { path, start: base + arr.offset, end: base + arr.offset + arr.length, newText: `[${quoted}]` };
  const e = appendAfterLast(
    text,
    {
      start: last.offset,
      end: last.offset + last.length,
      multiLine: text.slice(arr.offset, last.offset).includes("\n")
    },
    quoted
  );
  return { path, start: base + e.start, end: base + e.end, newText: e.newText };
}
function scalarToJsonList(path, text, base, node, item) {
  const raw = text.slice(node.offset, node.offset + node.length);
  return {
    path,
    start: base + node.offset,
    end: base + node.offset + node.length,
    newText: `[${raw}, ${JSON.stringify(item)}]`
  };
}
function insertAttributeAfter(file, after, name, value) {
  const text = file.text;
  const indent = indentAt(text, after.startIndex);
  const afterLine = text.slice(lineStart2(text, after.startIndex), lineEnd(text, after.startIndex));
  const eq = afterLine.indexOf("=");
  const nameEnd = indent.length + name.length;
  const s0 = lineStart2(text, after.startIndex);
  const prevLine = s0 > 0 ? text.slice(lineStart2(text, s0 - 1), s0) : "";
  const nextLine = text.slice(lineEnd(text, after.endIndex), lineEnd(text, lineEnd(text, after.endIndex)));
  const aligned = [prevLine, nextLine].some((l) => /^\s*[\w-]+\s*=/.test(l) && l.indexOf("=") === eq);
  const pad = aligned && eq > nameEnd ? " ".repeat(eq - nameEnd) : " ";
  const at = lineEnd(text, after.endIndex);
  const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
  return { path: file.path, start: at, end: at, newText: `${nl}${indent}${name}${pad}= ${value}
` };
}
function deleteResources(blocks) {
  const out = [];
  const json = blocks.filter((b) => b.json);
  for (const b of blocks) if (!b.json) out.push(deleteBlock(b.file, b.node));
  if (json.length > 0) {
    const e = deleteJsonBlocks(json);
    if (!e) return null;
    out.push(...e);
  }
  return out;
}
function addModuleArgument(call, input, valueText) {
  if (call.json) return null;
  let last;
  let lastLine2 = -1;
  for (const a of call.attrs.values()) {
    if (a.line > lastLine2) {
      last = a;
      lastLine2 = a.line;
    }
  }
  if (lastLine2 < 0) return null;
  return insertAttributeAfter(call.file, last.node, input, valueText);
}

// src/iac/terraform/eval.ts
var Unknown = class {
  constructor(text, ref) {
    this.text = text;
    this.ref = ref;
  }
  text;
  ref;
};
var unknown = (n, ref) => ({ v: new Unknown(n.text, ref), via: [] });
function isUnknown(v) {
  return v instanceof Unknown;
}
function hasUnknown(v) {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v && typeof v === "object") return Object.values(v).some(hasUnknown);
  return false;
}
function originOf(file, n, kind, desc) {
  return { path: file.path, start: n.startIndex, end: n.endIndex, line: lineOf(n), desc, kind };
}
function evaluate(expr, scope, file) {
  if (scope.depth > 40) return unknown(expr);
  if (expr instanceof JsonExpr) return evaluateJson(expr, scope);
  const s = { ...scope, depth: scope.depth + 1 };
  const { head } = exprParts(expr);
  if (!head) return unknown(expr);
  switch (head.type) {
    case "literal_value": {
      const lit = head.namedChildren[0];
      if (!lit) return unknown(expr);
      if (lit.type === "string_lit") {
        return {
          v: stringLitValue(lit),
          origin: originOf(file, lit, "string", `${file.path}:${lineOf(lit)}`),
          via: []
        };
      }
      if (lit.type === "numeric_lit")
        return {
          v: Number(lit.text),
          origin: originOf(file, lit, "number", `${file.path}:${lineOf(lit)}`),
          via: []
        };
      if (lit.type === "bool_lit")
        return {
          v: lit.text === "true",
          origin: originOf(file, lit, "bool", `${file.path}:${lineOf(lit)}`),
          via: []
        };
      if (lit.type === "null_lit") return { v: null, via: [] };
      return unknown(expr);
    }
    case "template_expr": {
      const t = head.namedChildren[0];
      if (!t) return unknown(expr);
      if (t.type === "quoted_template") {
        let out = "";
        for (const p of named(t)) {
          if (p.type === "template_literal") out += unescapeHcl(p.text);
          else if (p.type === "template_interpolation") {
            const inner = named(p).find((x) => x.type === "expression");
            const v = inner ? evaluate(inner, s, file).v : void 0;
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
            else return unknown(expr);
          } else if (p.type === "template_directive") return unknown(expr);
        }
        return { v: out, via: [] };
      }
      if (t.type === "heredoc_template") {
        const h = heredocContent(t, file);
        if (!h) return unknown(expr);
        return { v: h.text, via: [] };
      }
      return unknown(expr);
    }
    case "collection_value": {
      const c = head.namedChildren[0];
      if (!c) return unknown(expr);
      if (c.type === "tuple") {
        const members = tupleElements(c).map((e) => evaluate(e, s, file));
        return { v: members.map((m) => m.v), members, via: [] };
      }
      if (c.type === "object") {
        const o = {};
        const members = {};
        for (const e of objectEntries(c)) {
          members[e.key] = evaluate(e.value, s, file);
          o[e.key] = members[e.key].v;
        }
        return { v: o, members, via: [] };
      }
      return unknown(expr);
    }
    case "conditional": {
      const parts = named(head).filter((x) => x.type === "expression");
      const [c, a, b] = parts;
      if (!c || !a || !b) return unknown(expr);
      const cv = evaluate(c, s, file);
      if (typeof cv.v !== "boolean") return unknown(expr);
      const r = evaluate(cv.v ? a : b, s, file);
      const other = evaluate(cv.v ? b : a, s, file);
      const origin = r.origin && r.origin.path === file.path && !r.origin.conditional ? { ...r.origin, conditional: { start: head.startIndex, end: head.endIndex, other: other.v } } : r.origin;
      return { ...r, ...origin ? { origin } : {}, via: [...cv.via, ...r.via] };
    }
    case "operation":
      return evalOperation(head, s, file, expr);
    case "function_call":
      return evalCall(head, s, file, expr);
    case "variable_expr": {
      const path = traversal(expr);
      const resolved = path ? indexesResolved(expr, path, s, file) : null;
      if (!resolved) return unknown(expr);
      return resolveRef(resolved, s, expr);
    }
    default:
      return unknown(expr);
  }
}
function indexesResolved(expr, path, s, file) {
  const { rest } = exprParts(expr);
  const out = [...path];
  for (let i = 0; i < rest.length; i++) {
    const r = rest[i];
    const text = out[i + 1];
    if (r.type !== "index" || text === void 0 || /^\[(\d+|"[^"]*")\]$/.test(text)) continue;
    let inner = named(r)[0];
    while (inner && inner.type !== "expression") inner = named(inner)[0];
    if (!inner) return null;
    const v = evaluate(inner, s, file).v;
    if (typeof v === "number" && Number.isInteger(v)) out[i + 1] = `[${v}]`;
    else if (typeof v === "string" && !v.includes('"')) out[i + 1] = `["${v}"]`;
    else return null;
  }
  return out;
}
function callSite(mod, src, input) {
  const call = mod.call;
  if (!call) return void 0;
  const lines = { startLine: call.startLine, endLine: call.endLine };
  if (src.from === "argument") return { path: call.file.path, line: src.line ?? call.startLine, ...lines };
  if (src.from === "default")
    return { path: call.file.path, line: call.startLine, ...lines, defaulted: { block: call, input } };
  return void 0;
}
function resolveRef(path, s, expr) {
  const [root, name] = path;
  if (root === "var" && name) {
    const src = s.mod.vars.get(name);
    if (!src) return unknown(expr, path.join("."));
    const target = src.scope ?? s;
    let r = evaluate(src.expr, { mod: target.mod, depth: s.depth + 1 }, src.file);
    r = { ...r, via: [`${s.mod.prefix}var.${name} (${src.desc})`, ...r.via] };
    if (r.origin) r.origin = { ...r.origin, desc: `var.${name} (${src.desc})` };
    const out = applyRest(r, path.slice(2), expr);
    const site = callSite(s.mod, src, name);
    return site ? { ...out, site: r.site ?? out.site ?? site } : out;
  }
  if (root === "local" && name) {
    const l = s.mod.locals.get(name);
    if (!l) return unknown(expr, path.join("."));
    const line = l.expr.startPosition.row + 1;
    let r = evaluate(l.expr, { mod: s.mod, depth: s.depth + 1 }, l.file);
    r = { ...r, via: [`local.${name} (${l.file.path}:${line})`, ...r.via] };
    if (r.origin) r.origin = { ...r.origin, desc: `local.${name} (${l.file.path}:${line})` };
    return applyRest(r, path.slice(2), expr);
  }
  if (root === "count" && name === "index" && s.instance?.count !== void 0)
    return { v: s.instance.count, via: [] };
  if (root === "each" && s.instance?.each && (name === "key" || name === "value")) {
    const r = s.instance.each[name];
    return applyRest({ ...r, via: [`each.${name} (${s.instance.suffix})`, ...r.via] }, path.slice(2), expr);
  }
  if (root === "path" && (name === "module" || name === "root" || name === "cwd")) {
    return { v: name === "module" ? s.mod.dir || "." : ".", via: [] };
  }
  return unknown(expr, path.join("."));
}
function evaluateJson(e, scope) {
  const n = e.json;
  const file = e.file;
  const origin = (kind) => ({
    path: file.path,
    start: n.offset,
    end: n.offset + n.length,
    line: e.startPosition.row + 1,
    desc: `${file.path}:${e.startPosition.row + 1}`,
    kind
  });
  switch (n.type) {
    case "string": {
      const str3 = typeof n.value === "string" ? n.value : "";
      if (!/\$\{|%\{/.test(str3.replace(/\$\$\{|%%\{/g, ""))) {
        return { v: str3.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"), origin: origin("string"), via: [] };
      }
      const whole = traversal(e);
      if (whole) return resolveRef(whole, { ...scope, depth: scope.depth + 1 }, e);
      let out = "";
      let last = 0;
      for (const m of str3.matchAll(/\$\{([^}]*)\}/g)) {
        out += str3.slice(last, m.index);
        last = m.index + m[0].length;
        const ref = /^\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*$/.exec(m[1])?.[1];
        if (!ref) return unknown(e);
        const v = resolveRef(
          ref.match(/[A-Za-z_][\w-]*|\[\d+\]/g),
          { ...scope, depth: scope.depth + 1 },
          e
        ).v;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
        else return unknown(e);
      }
      if (/%\{/.test(str3)) return unknown(e);
      return { v: out + str3.slice(last), via: [] };
    }
    case "number":
      return { v: n.value, origin: origin("number"), via: [] };
    case "boolean":
      return { v: n.value, origin: origin("bool"), via: [] };
    case "null":
      return { v: null, via: [] };
    case "array": {
      const members = (n.children ?? []).map(
        (c) => evaluateJson(new JsonExpr(c, file), { ...scope, depth: scope.depth + 1 })
      );
      return { v: members.map((m) => m.v), members, via: [] };
    }
    case "object": {
      const o = {};
      const members = {};
      for (const p of n.children ?? []) {
        const k = p.children?.[0];
        const v = p.children?.[1];
        if (k && v && typeof k.value === "string") {
          members[k.value] = evaluateJson(new JsonExpr(v, file), { ...scope, depth: scope.depth + 1 });
          o[k.value] = members[k.value].v;
        }
      }
      return { v: o, members, via: [] };
    }
    default:
      return unknown(e);
  }
}
function memberOf(r, k) {
  const v = r.v;
  if (typeof k === "number") {
    if (!Array.isArray(v) || k < 0 || k >= v.length) return void 0;
    return Array.isArray(r.members) ? r.members[k] : { v: v[k], via: [] };
  }
  if (!v || typeof v !== "object" || Array.isArray(v) || v instanceof Unknown) return void 0;
  if (!Object.hasOwn(v, k)) return void 0;
  const m = r.members && !Array.isArray(r.members) ? r.members[k] : void 0;
  return m ?? { v: v[k], via: [] };
}
function applyRest(r, rest, expr) {
  let cur = r;
  for (const k of rest) {
    if (cur.v instanceof Unknown) return { v: cur.v, via: r.via };
    const idx = /^\[(\d+)\]$/.exec(k);
    const key = /^\["([^"]*)"\]$/.exec(k);
    let next;
    if (idx && Array.isArray(cur.v)) next = memberOf(cur, Number(idx[1]));
    else if (key && cur.v && typeof cur.v === "object" && !Array.isArray(cur.v))
      next = memberOf(cur, key[1]);
    else if (cur.v && typeof cur.v === "object" && !Array.isArray(cur.v) && !/^\[/.test(k))
      next = memberOf(cur, k);
    else return { v: new Unknown(expr.text), via: r.via };
    cur = next ? { ...next, via: [...r.via, ...next.via] } : { v: void 0, via: r.via };
  }
  return cur;
}
function evalOperation(op, s, file, expr) {
  const inner = op.namedChildren[0];
  if (!inner) return unknown(expr);
  const kids = inner.children.filter((c) => c !== null);
  const evalPart = (n) => {
    if (n.type === "expression") return evaluate(n, s, file).v;
    if (n.type === "operation") return evalOperation(n, s, file, n).v;
    return void 0;
  };
  if (inner.type === "unary_operation") {
    const opTok = kids[0]?.text;
    const rest = kids.slice(1);
    const v = operandValue(rest, s, file, evalPart);
    if (opTok === "!" && typeof v === "boolean") return { v: !v, via: [] };
    if (opTok === "-" && typeof v === "number") return { v: -v, via: [] };
    return unknown(expr);
  }
  if (inner.type === "binary_operation") {
    const i = kids.findIndex((c) => !c.isNamed);
    if (i < 0) return unknown(expr);
    const a = operandValue(kids.slice(0, i), s, file, evalPart);
    const b = operandValue(kids.slice(i + 1), s, file, evalPart);
    const o = kids[i].text;
    if (a instanceof Unknown || b instanceof Unknown || a === void 0 || b === void 0)
      return unknown(expr);
    switch (o) {
      case "==":
        return { v: JSON.stringify(a) === JSON.stringify(b), via: [] };
      case "!=":
        return { v: JSON.stringify(a) !== JSON.stringify(b), via: [] };
      case "&&":
        return { v: a === true && b === true, via: [] };
      case "||":
        return { v: a === true || b === true, via: [] };
      default:
        return unknown(expr);
    }
  }
  return unknown(expr);
}
function operandValue(parts, s, file, evalPart) {
  if (parts.length === 0) return void 0;
  const first = parts[0];
  if (parts.length === 1 && (first.type === "expression" || first.type === "operation"))
    return evalPart(first);
  if (first.type === "literal_value" && parts.length === 1) {
    const lit = first.namedChildren[0];
    if (lit?.type === "string_lit") return stringLitValue(lit);
    if (lit?.type === "bool_lit") return lit.text === "true";
    if (lit?.type === "numeric_lit") return Number(lit.text);
    if (lit?.type === "null_lit") return null;
  }
  if (first.type === "variable_expr") {
    const path = [first.text];
    for (const r of parts.slice(1)) {
      if (r.type !== "get_attr") return new Unknown(r.text);
      path.push(named(r)[0]?.text ?? "");
    }
    return resolveRef(path, s, { text: path.join(".") }).v;
  }
  return new Unknown(parts.map((p) => p.text).join(""));
}
function evalCall(call, s, file, expr) {
  const name = call.namedChildren[0]?.text ?? "";
  const argsNode = named(call).find((x) => x.type === "function_arguments");
  const args = argsNode ? named(argsNode).filter((x) => x.type === "expression") : [];
  const a0 = args[0];
  switch (name) {
    case "jsonencode":
    case "tostring":
    case "tolist":
    case "toset":
    case "tonumber":
    case "tobool": {
      if (!a0) return unknown(expr);
      const r = evaluate(a0, s, file);
      return name === "jsonencode" ? { v: r.v, via: r.via } : r;
    }
    case "lower":
    case "upper": {
      if (!a0) return unknown(expr);
      const r = evaluate(a0, s, file);
      return typeof r.v === "string" ? { v: name === "lower" ? r.v.toLowerCase() : r.v.toUpperCase(), via: r.via } : unknown(expr);
    }
    case "lookup": {
      const [m, k, d] = args;
      if (!m || !k) return unknown(expr);
      const mv = evaluate(m, s, file);
      const kv = evaluate(k, s, file);
      if (mv.v instanceof Unknown || typeof kv.v !== "string") return unknown(expr);
      const hit = memberOf(mv, kv.v);
      if (hit) return { ...hit, via: [...mv.via, ...hit.via] };
      return d ? evaluate(d, s, file) : unknown(expr);
    }
    case "try": {
      for (const a of args) {
        const r = evaluate(a, s, file);
        if (r.v !== void 0 && !hasUnknown(r.v)) return r;
      }
      return unknown(expr);
    }
    case "coalesce": {
      for (const a of args) {
        const r = evaluate(a, s, file);
        if (r.v instanceof Unknown) return unknown(expr);
        if (r.v !== null && r.v !== "") return r;
      }
      return unknown(expr);
    }
    case "file":
    case "templatefile": {
      const t = templateFile(call, s, file);
      return t ? { v: t.file.text, via: [`${name}(${t.file.path})`] } : unknown(expr);
    }
    default:
      return unknown(expr);
  }
}
function templateFile(call, s, file) {
  const argsNode = named(call).find((x) => x.type === "function_arguments");
  const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : void 0;
  if (!a0) return null;
  const p = evaluate(a0, s, file).v;
  if (typeof p !== "string") return null;
  const dir = s.mod.dir;
  for (const cand of [normalizePath(p), normalizePath(dir ? `${dir}/${p}` : p)]) {
    const f = s.mod.files.get(cand);
    if (f) return { file: f };
  }
  return null;
}
function normalizePath(p) {
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
function heredocContent(t, file) {
  const ids = named(t).filter((x) => x.type === "heredoc_identifier");
  const open = ids[0];
  const close = ids[ids.length - 1];
  if (!open || !close || open === close) return null;
  const nl = file.text.indexOf("\n", open.endIndex);
  if (nl < 0) return null;
  const start = nl + 1;
  const closeLineStart = file.text.lastIndexOf("\n", close.startIndex - 1) + 1;
  if (closeLineStart < start) return { text: "", start };
  return { text: file.text.slice(start, closeLineStart), start };
}
function parseJsonTree(text) {
  const errors = [];
  const tree = parseTree2(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!tree || errors.length > 0) return null;
  return tree;
}

// src/iac/terraform/resource-policy.ts
function plain(v) {
  if (isUnknown(v)) return `\${${v.text}}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}
function fromJsonText(text, base, file) {
  const tree = parseJsonTree(text);
  if (!tree) return null;
  return fromJsonTree(tree, text, base, file);
}
function fromJsonTree(tree, text, base, file) {
  const st = findNodeAtLocation2(tree, ["Statement"]);
  const nodes = st?.type === "array" ? st.children ?? [] : st?.type === "object" ? [st] : [];
  const statements = nodes.map((n, index) => {
    const p = findNodeAtLocation2(n, ["Principal"]) ?? findNodeAtLocation2(n, ["NotPrincipal"]);
    const at = p?.parent?.type === "property" ? p.parent.offset : n.offset;
    return { index, raw: getNodeValue2(n), path: file.path, line: lineAt(file.text, base + at) };
  });
  if (st?.type !== "array") return { statements };
  const items = nodes.map((n) => ({ start: base + n.offset, end: base + n.offset + n.length }));
  return { statements, list: { path: file.path, text: file.text, items } };
}
function fromPolicyDocument(d, scope) {
  const ev = (e) => e ? evaluate(e, scope, d.file).v : void 0;
  const list = (v) => Array.isArray(v) ? v : v === void 0 ? void 0 : [v];
  const principals = (blocks) => {
    const out = {};
    for (const p of blocks) {
      const type = ev(p.attrs.get("type")?.expr);
      const ids = list(ev(p.attrs.get("identifiers")?.expr)) ?? [];
      if (typeof type !== "string") continue;
      out[type] = [...out[type] ?? [], ...ids];
    }
    return out["*"] ? "*" : out;
  };
  const statements = d.blocks.filter((s) => s.type === "statement").map((s, index) => {
    const raw = {};
    const sid = ev(s.attrs.get("sid")?.expr);
    if (typeof sid === "string") raw.Sid = sid;
    raw.Effect = ev(s.attrs.get("effect")?.expr) ?? "Allow";
    for (const [attr, key] of [
      ["actions", "Action"],
      ["not_actions", "NotAction"],
      ["resources", "Resource"],
      ["not_resources", "NotResource"]
    ]) {
      const v = list(ev(s.attrs.get(attr)?.expr));
      if (v) raw[key] = v;
    }
    const pb = s.blocks.filter((b) => b.type === "principals");
    const npb = s.blocks.filter((b) => b.type === "not_principals");
    if (pb.length > 0) raw.Principal = principals(pb);
    if (npb.length > 0) raw.NotPrincipal = principals(npb);
    const cond = {};
    for (const c of s.blocks.filter((b) => b.type === "condition")) {
      const test = ev(c.attrs.get("test")?.expr);
      const variable = ev(c.attrs.get("variable")?.expr);
      if (typeof test !== "string" || typeof variable !== "string") continue;
      cond[test] = { ...cond[test] ?? {}, [variable]: list(ev(c.attrs.get("values")?.expr)) ?? [] };
    }
    if (Object.keys(cond).length > 0) raw.Condition = cond;
    const first = pb[0] ?? npb[0];
    const st = {
      index,
      raw,
      path: s.file.path,
      line: first?.startLine ?? s.startLine,
      block: s
    };
    return st;
  });
  return { statements };
}
function fromHclObject(obj, scope, file) {
  const st = objectEntries(obj).find((e) => e.key === "Statement");
  const coll = st ? collectionOf(st.value) : null;
  const els = coll?.type === "tuple" ? tupleElements(coll).map((e) => ({ el: e, obj: collectionOf(e) })) : coll?.type === "object" ? [{ el: st.value, obj: coll }] : [];
  const statements = els.map(({ el, obj: o }, index) => {
    const raw = evaluate(el, scope, file).v;
    const p = o ? objectEntries(o).find((e) => e.key === "Principal" || e.key === "NotPrincipal") : void 0;
    return { index, raw, path: file.path, line: lineOf(p?.elem ?? el) };
  });
  if (coll?.type !== "tuple") return { statements };
  const items = els.map(({ el }) => ({ start: el.startIndex, end: el.endIndex }));
  return { statements, list: { path: file.path, text: file.text, items } };
}
function resolveResourcePolicy(expr, scope, file, mod, depth = 0) {
  if (depth > 10) return null;
  const t = traversal(expr);
  if (t) {
    if (t[0] === "data" && t[1] === "aws_iam_policy_document" && t[2]) {
      const d = mod.blocks.find(
        (b) => b.type === "data" && b.labels[0] === "aws_iam_policy_document" && b.labels[1] === t[2]
      );
      return d ? fromPolicyDocument(d, scope) : null;
    }
    if (t[0] === "var" && t[1]) {
      const src = scope.mod.vars.get(t[1]);
      if (!src) return null;
      return resolveResourcePolicy(
        src.expr,
        { mod: (src.scope ?? scope).mod, depth: 0 },
        src.file,
        (src.scope ?? scope).mod,
        depth + 1
      );
    }
    if (t[0] === "local" && t[1]) {
      const l = scope.mod.locals.get(t[1]);
      return l ? resolveResourcePolicy(l.expr, scope, l.file, mod, depth + 1) : null;
    }
    return null;
  }
  if (expr instanceof JsonExpr) {
    if (expr.json.type === "object") {
      const text = expr.text;
      const tree = parseJsonTree(text);
      return tree ? fromJsonTree(tree, text, expr.startIndex, expr.file) : null;
    }
  }
  const { head } = exprParts(expr);
  if (head?.type === "function_call") {
    const fname = head.namedChildren[0]?.text;
    const argsNode = named(head).find((x) => x.type === "function_arguments");
    const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : void 0;
    if (fname === "jsonencode" && a0) {
      const obj = collectionOf(a0);
      if (obj?.type === "object") return fromHclObject(obj, scope, file);
      const at = traversal(a0);
      if (at && at[0] === "local" && at[1]) {
        const l = scope.mod.locals.get(at[1]);
        const lo = l ? collectionOf(l.expr) : null;
        if (l && lo?.type === "object") return fromHclObject(lo, scope, l.file);
      }
    } else if (fname === "file" || fname === "templatefile") {
      const tf = templateFile(head, scope, file);
      if (tf) return fromJsonText(tf.file.text, 0, tf.file);
    }
  } else if (head?.type === "template_expr") {
    const h = head.namedChildren[0];
    if (h?.type === "heredoc_template") {
      const c = heredocContent(h, file);
      const r = c ? fromJsonText(c.text, c.start, file) : null;
      if (r) return r;
    }
  }
  const v = evaluate(expr, scope, file).v;
  let doc = v;
  if (typeof v === "string") {
    try {
      doc = JSON.parse(v);
    } catch {
      return null;
    }
  } else if (!v || typeof v !== "object" || v instanceof Unknown) return null;
  const list = doc.Statement;
  const arr = Array.isArray(list) ? list : list ? [list] : [];
  return {
    statements: arr.map((raw, index) => ({ index, raw, path: file.path, line: expr.startPosition.row + 1 })),
    unfixable: "the policy is not written as a literal document (an escaped JSON string or a computed value)"
  };
}
function statementName(p, i) {
  const raw = p.statements[i]?.raw;
  return typeof raw?.Sid === "string" && raw.Sid !== "" ? raw.Sid : `#${i + 1}`;
}
function removeStatements(p, idx, block, referencedAt) {
  if (p.unfixable) return { unfixable: p.unfixable };
  const wanted = [...new Set(idx)].sort((a, b) => a - b);
  if (wanted.length === p.statements.length && !referencedAt) {
    const e = block.json ? deleteJsonBlock(block) : deleteBlock(block.file, block.node);
    if (e) return { edits: [e], note: "every statement in it was public, so the resource was removed" };
  }
  const edits = [];
  if (p.list) edits.push(...removeListItems(p.list.path, p.list.text, p.list.items, new Set(wanted)));
  else {
    const blocks = wanted.map((i) => p.statements[i]?.block);
    const e = blocks.every((b) => !!b) ? deleteResources(blocks) : null;
    if (!e) return { unfixable: "the public statements cannot be removed in place" };
    edits.push(...e);
  }
  if (wanted.length === p.statements.length)
    return { unfixable: `the resource policy is referenced at ${referencedAt}; remove it by hand` };
  return {
    edits,
    note: `removed statement${wanted.length === 1 ? "" : "s"} ${wanted.map((i) => statementName(p, i)).join(", ")}`
  };
}

// src/iac/terraform/lambda.ts
var TF = "terraform";
var LAMBDA_MODULE = /(^|\/)terraform-aws-modules\/lambda\/aws(\/\/|$)|terraform-aws-modules\/terraform-aws-lambda/;
function disabled(b, scope) {
  const c = b.attrs.get("count");
  if (c) {
    const v = evaluate(c.expr, scope, b.file).v;
    if (v === 0 || v === false) return true;
  }
  const fe = b.attrs.get("for_each");
  if (fe) {
    const v = evaluate(fe.expr, scope, b.file).v;
    if (Array.isArray(v) && v.length === 0 || v && typeof v === "object" && !isUnknown(v) && Object.keys(v).length === 0)
      return true;
  }
  return false;
}
function instancesOf(b, scope) {
  const c = b.attrs.get("count");
  if (c) {
    const v = evaluate(c.expr, scope, b.file).v;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 64) return null;
    return Array.from({ length: v }, (_, i) => ({ suffix: `[${i}]`, count: i }));
  }
  const fe = b.attrs.get("for_each");
  if (!fe) return null;
  const entries = forEachEntries(fe.expr, scope, b.file, 0);
  if (!entries || entries.length === 0 || entries.length > 64) return null;
  return entries.map((e) => ({
    suffix: `[${JSON.stringify(e.key)}]`,
    each: { key: { v: e.key, via: [] }, value: e.value }
  }));
}
function forEachEntries(expr, scope, file, depth) {
  if (depth > 8) return null;
  const t = traversal(expr);
  if (t && t.length === 2 && t[0] === "var" && t[1]) {
    const src = scope.mod.vars.get(t[1]);
    return src ? forEachEntries(src.expr, { mod: (src.scope ?? scope).mod, depth: 0 }, src.file, depth + 1) : null;
  }
  if (t && t.length === 2 && t[0] === "local" && t[1]) {
    const l = scope.mod.locals.get(t[1]);
    return l ? forEachEntries(l.expr, { mod: scope.mod, depth: 0 }, l.file, depth + 1) : null;
  }
  if (expr instanceof JsonExpr) {
    const n = expr.json;
    if (n.type === "object")
      return (n.children ?? []).flatMap((p) => {
        const k = p.children?.[0];
        const v2 = p.children?.[1];
        return k && v2 && typeof k.value === "string" ? [{ key: k.value, value: evaluate(new JsonExpr(v2, expr.file), scope, expr.file) }] : [];
      });
    if (n.type === "array")
      return (n.children ?? []).flatMap((c) => {
        const v2 = evaluate(new JsonExpr(c, expr.file), scope, expr.file);
        return typeof v2.v === "string" ? [{ key: v2.v, value: v2 }] : [];
      });
  } else {
    const { head } = exprParts(expr);
    if (head?.type === "function_call" && head.namedChildren[0]?.text === "toset") {
      const args = head.namedChildren.find((x) => x?.type === "function_arguments");
      const a0 = args?.namedChildren.find((x) => x?.type === "expression");
      if (a0) return forEachEntries(a0, scope, file, depth + 1);
    }
    const coll = collectionOf(expr);
    if (coll?.type === "object")
      return objectEntries(coll).map((e) => ({ key: e.key, value: evaluate(e.value, scope, file) }));
    if (coll?.type === "tuple") {
      const out = [];
      for (const e of tupleElements(coll)) {
        const v2 = evaluate(e, scope, file);
        if (typeof v2.v !== "string") return null;
        out.push({ key: v2.v, value: v2 });
      }
      return out;
    }
  }
  const r = evaluate(expr, scope, file);
  const v = r.v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string"))
    return v.map((x) => ({ key: x, value: { v: x, via: [] } }));
  if (v && typeof v === "object" && !isUnknown(v) && !Array.isArray(v))
    return Object.keys(v).map((key) => ({ key, value: memberOf(r, key) ?? { v: void 0, via: [] } }));
  return null;
}
function str(v) {
  return v && typeof v.v === "string" ? v.v : void 0;
}
function attrVal(b, name, scope) {
  const a = b.attrs.get(name);
  return a ? evaluate(a.expr, scope, b.file) : void 0;
}
function authEdit(v, files) {
  const d = v.site?.defaulted;
  if (d) {
    const edit2 = addModuleArgument(d.block, d.input, '"AWS_IAM"');
    const note2 = `authorization_type comes from ${v.via.join(" \u2192 ")}; set ${d.input} = "AWS_IAM" on module "${d.block.labels[0] ?? ""}" (${d.block.file.path}:${d.block.startLine}), leaving the module's default for its other callers.`;
    return edit2 ? { edit: edit2, note: note2 } : null;
  }
  if (!v.origin || v.origin.kind !== "string") return null;
  const file = files.get(v.origin.path);
  if (!file) return null;
  const c = v.origin.conditional;
  const edit = c && c.other === "AWS_IAM" ? replaceNode(file, { startIndex: c.start, endIndex: c.end }, '"AWS_IAM"') : replaceNode(file, { startIndex: v.origin.start, endIndex: v.origin.end }, '"AWS_IAM"');
  const note = v.via.length > 0 ? `authorization_type comes from ${v.via.join(" \u2192 ")}; patched where it is defined (${v.origin.path}:${v.origin.line}).` : void 0;
  return note ? { edit, note } : { edit };
}
function analyzeLambda(mod, out, now) {
  const scope = { mod, depth: 0 };
  const resources = mod.blocks.filter((b) => b.type === "resource" && b.labels.length >= 2);
  const fnByLocal = /* @__PURE__ */ new Map();
  const fnByName = /* @__PURE__ */ new Map();
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function") continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}aws_lambda_function.${b.labels[1]}`,
      ...name ? { functionName: name } : {}
    };
    out.functions.push(fn);
    fnByLocal.set(`aws_lambda_function.${b.labels[1]}`, fn);
    if (name) fnByName.set(name, fn);
  }
  const fnRef = (b, attr = "function_name", sc = scope) => {
    const a = b.attrs.get(attr);
    if (!a) return { key: "?" };
    const t = traversal(a.expr);
    if (t && t[0] === "aws_lambda_function" && t[1]) {
      const k = `aws_lambda_function.${t[1]}`;
      const fn = fnByLocal.get(k);
      return { key: k, ...fn ? { fn } : {}, ...fn?.functionName ? { name: fn.functionName } : {} };
    }
    const v = evaluate(a.expr, sc, b.file).v;
    if (typeof v === "string") {
      const name = /:function:([^:]+)/.exec(v)?.[1] ?? v;
      const fn = fnByName.get(name);
      return fn ? { key: `aws_lambda_function.${fn.address.split(".").pop()}`, fn, name } : { key: `name:${name}`, name };
    }
    return { key: `expr:${a.expr.text}` };
  };
  const referenced = (type, name, except) => {
    const needle = new RegExp(`\\b${type}\\.${name}\\b`);
    for (const b of mod.blocks) {
      if (b === except) continue;
      const text = b.node.text;
      if (needle.test(text)) return `${b.file.path}:${b.startLine}`;
    }
    return void 0;
  };
  const byFn = /* @__PURE__ */ new Map();
  const factsOf = (ref) => {
    const e = byFn.get(ref.key) ?? {
      ...ref.fn ? { fn: ref.fn } : {},
      ...ref.name ? { name: ref.name } : {},
      statements: [],
      urls: []
    };
    byFn.set(ref.key, e);
    return e;
  };
  const range = (b) => ({ startLine: b.startLine, endLine: b.endLine });
  const whole = /* @__PURE__ */ new Set();
  const permissionBlocks = /* @__PURE__ */ new Map();
  const removePermissions = (labels) => {
    const list = labels.map((l) => ({ address: l, ...permissionBlocks.get(l) }));
    const blocked = list.find((p) => p.referencedAt);
    if (blocked)
      return {
        unfixable: `${blocked.address} is referenced at ${blocked.referencedAt}; remove the reference and the permission by hand`
      };
    const d = deleteResources(list.map((p) => p.b));
    return d ? {
      edits: d,
      notes: list.map((p) => `Removed ${p.address}: it granted the public permission in code.`)
    } : { unfixable: `${labels.join(", ")} cannot be removed automatically` };
  };
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_permission" || disabled(b, scope)) continue;
    const principalAttr = b.attrs.get("principal");
    if (!principalAttr) continue;
    const ref = fnRef(b);
    const address = `${mod.prefix}aws_lambda_permission.${b.labels[1]}`;
    const referencedAt = referenced("aws_lambda_permission", b.labels[1], b);
    permissionBlocks.set(address, { b, ...referencedAt ? { referencedAt } : {} });
    const value = (name) => {
      const v = attrVal(b, name, scope);
      return v === void 0 || v.v === null || v.v === void 0 ? void 0 : typeof v.v === "string" ? v.v : isUnknown(v.v) ? `\${${v.v.text}}` : String(v.v);
    };
    const condition2 = {};
    const cond = (op, key, attr) => {
      const v = value(attr);
      if (v !== void 0) condition2[op] = { ...condition2[op], [key]: v };
    };
    cond("ArnLike", "aws:SourceArn", "source_arn");
    cond("StringEquals", "aws:SourceAccount", "source_account");
    cond("StringEquals", "aws:PrincipalOrgID", "principal_org_id");
    cond("StringEquals", "lambda:EventSourceToken", "event_source_token");
    cond("StringEquals", "lambda:FunctionUrlAuthType", "function_url_auth_type");
    if (attrVal(b, "invoked_via_function_url", scope)?.v === true)
      condition2.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    const principal = value("principal") ?? "";
    factsOf(ref).statements.push({
      qualifier: str(attrVal(b, "qualifier", scope)) ?? null,
      label: address,
      statement: {
        Effect: "Allow",
        Principal: principal === "*" ? "*" : /\.amazonaws\.com$/.test(principal) ? { Service: principal } : { AWS: principal },
        Action: value("action") ?? "",
        Resource: "*",
        ...Object.keys(condition2).length > 0 ? { Condition: condition2 } : {}
      },
      provenance: { kind: "code" },
      ref: {
        path: b.file.path,
        line: principalAttr.line,
        address,
        resourceRange: range(b),
        ...ref.fn ? { function: ref.fn } : {},
        // Permissions are removed together: adjacent blocks (and JSON object members) go in one edit.
        group: { key: "aws_lambda_permission", remove: removePermissions },
        scope: () => ({
          unfixable: "which principal should invoke the function is a decision for its owner: scope principal/source_arn by hand"
        })
      }
    });
  }
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_resource_policy" || disabled(b, scope)) continue;
    const pa = b.attrs.get("policy");
    const fnAttr = b.attrs.has("function_name") ? "function_name" : "resource_arn";
    if (!pa) continue;
    const address = `${mod.prefix}aws_lambda_resource_policy.${b.labels[1]}`;
    const policy = resolveResourcePolicy(pa.expr, scope, b.file, mod);
    if (!policy) {
      out.coverage.push({
        scope: `${b.file.path}:${b.startLine}`,
        status: "partial",
        detail: `${address}: the policy (${pa.expr.text.slice(0, 80)}) could not be resolved statically; not analysed`
      });
      continue;
    }
    const ref = fnRef(b, fnAttr);
    const target = str(attrVal(b, fnAttr, scope));
    const qualifier = str(attrVal(b, "qualifier", scope)) ?? (target ? /:function:[^:]+:([^:]+)$/.exec(target)?.[1] : void 0) ?? null;
    const referencedAt = referenced("aws_lambda_resource_policy", b.labels[1], b);
    const index = new Map(policy.statements.map((s, i) => [statementName(policy, i), i]));
    whole.add(`${ref.key}\0${qualifier ?? ""}`);
    const remove = (labels) => {
      const r = removeStatements(
        policy,
        labels.map((l) => index.get(l)),
        b,
        referencedAt
      );
      return "edits" in r ? { edits: r.edits, notes: [`${address}: ${r.note}.`] } : r;
    };
    policy.statements.forEach((s, i) => {
      const raw = plain(s.raw);
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
      factsOf(ref).statements.push({
        qualifier,
        label: statementName(policy, i),
        statement: raw,
        provenance: { kind: "code" },
        ref: {
          path: s.path,
          line: s.line,
          address,
          ...s.path === b.file.path ? { resourceRange: range(b) } : {},
          ...ref.fn ? { function: ref.fn } : {},
          group: { key: address, remove },
          // Narrowing a written statement is its owner's call; removing it is the safe default.
          scope: () => remove([statementName(policy, i)]),
          evidence: { policy: address }
        }
      });
    });
  }
  const urlFact = (ref, qualifier, auth, at, setIam) => {
    const kind = auth?.v === "NONE" || auth?.v === "AWS_IAM" ? { kind: auth.v } : {
      kind: "unknown",
      detail: `authorization_type = ${at.b.attrs.get("authorization_type")?.expr.text.slice(0, 60) ?? "?"}`
    };
    const site = auth?.site;
    const urlRef = {
      path: site?.path ?? at.b.file.path,
      line: site?.line ?? at.line,
      address: at.address,
      resourceRange: site ? { startLine: site.startLine, endLine: site.endLine } : range(at.b),
      ...ref.fn ? { function: ref.fn } : {},
      ...auth?.origin && auth.via.length > 0 ? { evidence: { definedAt: `${auth.origin.path}:${auth.origin.line}` } } : {},
      setIam
    };
    const url = { qualifier, auth: kind, ref: urlRef };
    const generated = kind.kind === "AWS_IAM" || whole.has(`${ref.key}\0${qualifier ?? ""}`) ? [] : publicUrlStatements("terraform-provider").map((s) => ({
      qualifier,
      label: s.label,
      statement: s.statement,
      provenance: { kind: "toolchain", by: "terraform-provider" },
      ref: urlRef
    }));
    return { url, generated };
  };
  const urlFindings = (ref, url, generated) => {
    const f = factsOf(ref);
    f.urls.push(url);
    const { exposures } = decideExposure(
      {
        target: { ...ref.name ? { functionName: ref.name } : {} },
        urls: [url],
        statements: [...f.statements, ...generated]
      },
      now
    );
    const x = exposures.find((e) => e.url === url);
    return x ? exposureFinding(x, {
      flavour: TF,
      subject: url.ref.address,
      ...ref.name ? { functionName: ref.name } : {}
    }) : null;
  };
  const setIamAt = (auth, b, ref) => () => {
    const e = auth ? authEdit(auth, mod.files) : null;
    if (!e)
      return {
        unfixable: `authorization_type is computed (${b.attrs.get("authorization_type")?.expr.text ?? ""}); set it to "AWS_IAM" where its value is decided`
      };
    return { edits: [e.edit], notes: [...e.note ? [e.note] : [], removePermissionNote(ref.name)] };
  };
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function_url" || disabled(b, scope)) continue;
    const base = `${mod.prefix}aws_lambda_function_url.${b.labels[1]}`;
    out.findings.push(
      ...perInstance(b, scope, base, (sc, address) => {
        const authAttr = b.attrs.get("authorization_type");
        const ref = fnRef(b, "function_name", sc);
        const auth = authAttr ? evaluate(authAttr.expr, sc, b.file) : void 0;
        const { url, generated } = urlFact(
          ref,
          str(attrVal(b, "qualifier", sc)) || null,
          auth,
          { b, line: authAttr?.line ?? b.startLine, address },
          setIamAt(auth, b, ref)
        );
        return urlFindings(ref, url, generated);
      })
    );
  }
  for (const b of mod.blocks) {
    if (b.type !== "module" || !b.labels[0]) continue;
    const source = str(attrVal(b, "source", scope));
    if (!source || !LAMBDA_MODULE.test(source)) continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}module.${b.labels[0]}.aws_lambda_function.this`,
      ...name ? { functionName: name } : {}
    };
    out.functions.push(fn);
    if (disabled(b, scope) || attrVal(b, "create", scope)?.v === false || attrVal(b, "create_function", scope)?.v === false)
      continue;
    const createAttr = b.attrs.get("create_lambda_function_url");
    if (!createAttr || evaluate(createAttr.expr, scope, b.file).v !== true) continue;
    const authAttr = b.attrs.get("authorization_type");
    const auth = authAttr ? evaluate(authAttr.expr, scope, b.file) : { v: "NONE", via: [] };
    const ref = { key: fn.address, fn, ...name ? { name } : {} };
    const setIam = () => {
      if (authAttr) return setIamAt(auth, b, ref)();
      if (b.json) return { unfixable: 'add "authorization_type": "AWS_IAM" to the module block by hand' };
      return {
        edits: [insertAttributeAfter(b.file, createAttr.node, "authorization_type", '"AWS_IAM"')],
        notes: [
          'The module defaults authorization_type to "NONE"; added authorization_type = "AWS_IAM".',
          removePermissionNote(name)
        ]
      };
    };
    const { url, generated } = urlFact(
      ref,
      null,
      auth,
      {
        b,
        line: authAttr?.line ?? createAttr.line,
        address: `${mod.prefix}module.${b.labels[0]}.aws_lambda_function_url.this`
      },
      setIam
    );
    if (!authAttr) url.ref.evidence = { defaulted: true, module: source };
    const f = urlFindings(ref, url, generated);
    if (f) out.findings.push(f);
  }
  for (const f of byFn.values()) {
    const { exposures, skipped } = decideExposure(
      { target: { ...f.name ? { functionName: f.name } : {} }, urls: f.urls, statements: f.statements },
      now
    );
    for (const s of skipped)
      out.coverage.push({
        scope: `${s.fact.ref.path}:${s.fact.ref.line}`,
        status: "partial",
        detail: `${s.fact.ref.address} statement ${s.fact.label}: ${s.error}`
      });
    for (const x of exposures)
      if (!x.url)
        out.findings.push(
          exposureFinding(x, {
            flavour: TF,
            subject: x.statements[0].ref.address,
            ...f.name ? { functionName: f.name } : {}
          })
        );
  }
}
function perInstance(b, scope, base, make) {
  const insts = instancesOf(b, scope);
  if (!insts) {
    const f = make(scope, base);
    return f ? [f] : [];
  }
  const per = insts.map((i) => ({ i, f: make({ ...scope, instance: i }, `${base}${i.suffix}`) }));
  const sig = (f) => f ? JSON.stringify([
    f.finding.rule,
    f.finding.severity,
    f.finding.location,
    f.finding.resource.functionName ?? null,
    f.finding.evidence,
    f.fix?.edits ?? null,
    f.unfixable ?? null
  ]) : "";
  const first = sig(per[0].f);
  const suffixes = insts.map((i) => i.suffix);
  if (first !== "" && per.every((p) => sig(p.f) === first)) {
    const f = make({ ...scope, instance: insts[0] }, base);
    f.finding.evidence = { ...f.finding.evidence, instances: suffixes };
    return [f];
  }
  return per.flatMap((p) => {
    if (!p.f) return [];
    p.f.finding.evidence = { ...p.f.finding.evidence, instances: [p.i.suffix] };
    return [p.f];
  });
}

// src/iac/terraform/iam.ts
var TF2 = "terraform";
function strings(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string");
  return void 0;
}
var rangeOf = (b) => ({ startLine: b.startLine, endLine: b.endLine });
function jsonStatements(text, base, file, holder, range) {
  const tree = parseJsonTree(text);
  if (!tree) return null;
  const st = findNodeAtLocation2(tree, ["Statement"]);
  if (!st) return [];
  const nodes = st.type === "array" ? st.children ?? [] : st.type === "object" ? [st] : [];
  const out = [];
  nodes.forEach((n, i) => {
    const stmt = fromJsonStatement(getNodeValue2(n));
    if (!stmt) return;
    const action = findNodeAtLocation2(n, ["Action"]);
    const ref = {
      stmt,
      path: file.path,
      line: lineAt(file.text, base + (action ?? n).offset),
      holder,
      statementId: stmt.sid ?? String(i),
      ...range ? { range } : {}
    };
    if (action?.type === "string") ref.edit = scalarToJsonList(file.path, text, base, action, LIST_TAGS);
    else if (action?.type === "array") ref.edit = appendToJsonArray(file.path, text, base, action, LIST_TAGS);
    else
      ref.unfixable = stmt.notActions ? "the statement uses NotAction" : "the statement's Action is not a literal";
    out.push(ref);
  });
  return out;
}
function hclObjectStatements(obj, scope, file, holder, range) {
  const st = objectEntries(obj).find((e) => e.key === "Statement");
  if (!st) return [];
  const coll = collectionOf(st.value);
  const objs = coll?.type === "tuple" ? tupleElements(coll).map((e) => collectionOf(e)).filter((c) => c?.type === "object") : coll?.type === "object" ? [coll] : [];
  const out = [];
  objs.forEach((o, i) => {
    const raw = {};
    const entries = objectEntries(o);
    for (const e of entries) raw[e.key] = evaluate(e.value, scope, file).v;
    for (const k of ["Action", "NotAction", "Resource", "NotResource"]) {
      const v = raw[k];
      if (Array.isArray(v)) raw[k] = v.filter((x) => !isUnknown(x));
      else if (isUnknown(v)) delete raw[k];
    }
    const stmt = fromJsonStatement(raw);
    if (!stmt) return;
    const action = entries.find((e) => e.key === "Action");
    const ref = {
      stmt,
      path: file.path,
      line: (action?.elem ?? o).startPosition.row + 1,
      holder,
      statementId: stmt.sid ?? String(i),
      ...range ? { range } : {}
    };
    const { head } = action ? exprParts(action.value) : { head: null };
    const tuple = action ? collectionOf(action.value) : null;
    if (action && head?.type === "literal_value")
      ref.edit = replaceNode(file, action.value, `[${action.value.text}, "${LIST_TAGS}"]`);
    else if (tuple?.type === "tuple") ref.edit = appendToHclTuple(file, tuple, `"${LIST_TAGS}"`);
    else
      ref.unfixable = action ? `Action is computed (${action.value.text})` : "the statement uses NotAction";
    out.push(ref);
  });
  return out;
}
function analyzeIam(mod, out) {
  const scope = { mod, depth: 0 };
  const live = mod.blocks.filter(
    (b) => (b.type === "resource" || b.type === "data") && b.labels.length >= 2 && !disabled(b, scope)
  );
  const docs = /* @__PURE__ */ new Map();
  for (const b of live)
    if (b.type === "data" && b.labels[0] === "aws_iam_policy_document") docs.set(b.labels[1], b);
  const docCache = /* @__PURE__ */ new Map();
  const usedDocs = /* @__PURE__ */ new Set();
  const docStatements = (name) => {
    usedDocs.add(name);
    const cached = docCache.get(name);
    if (cached) return cached;
    const d = docs.get(name);
    const res = [];
    docCache.set(name, res);
    if (!d) return res;
    const holder = `${mod.prefix}data.aws_iam_policy_document.${name}`;
    for (const key of ["source_policy_documents", "source_json"]) {
      const a = d.attrs.get(key);
      if (!a) continue;
      for (const e of listItems(a.expr) ?? [a.expr])
        res.push(...resolvePolicy(e, scope, d.file, holder, rangeOf(d)) ?? []);
    }
    d.blocks.filter((s) => s.type === "statement").forEach((s, i) => {
      const effect = evaluate(s.attrs.get("effect")?.expr ?? s.node, scope, s.file).v;
      const actionsAttr = s.attrs.get("actions");
      const notActionsAttr = s.attrs.get("not_actions");
      const stmt = { effect: effect === "Deny" ? "Deny" : "Allow" };
      const sid = s.attrs.get("sid") ? evaluate(s.attrs.get("sid").expr, scope, s.file).v : void 0;
      if (typeof sid === "string") stmt.sid = sid;
      if (actionsAttr) stmt.actions = strings(evaluate(actionsAttr.expr, scope, s.file).v) ?? [];
      if (notActionsAttr) stmt.notActions = strings(evaluate(notActionsAttr.expr, scope, s.file).v) ?? [];
      const resources = s.attrs.get("resources");
      if (resources) {
        const r = evaluate(resources.expr, scope, s.file).v;
        stmt.resources = Array.isArray(r) ? r.map((x) => typeof x === "string" ? x : "${unknown}") : ["${unknown}"];
      }
      if (s.blocks.some((c) => c.type === "condition")) stmt.condition = true;
      const ref = {
        stmt,
        path: s.file.path,
        line: actionsAttr?.line ?? s.startLine,
        holder,
        statementId: stmt.sid ?? String(i),
        range: rangeOf(d)
      };
      const tuple = actionsAttr ? collectionOf(actionsAttr.expr) : null;
      const jsonList = actionsAttr?.expr instanceof JsonExpr && actionsAttr.expr.json.type === "array" ? actionsAttr.expr.json : null;
      if (tuple?.type === "tuple") ref.edit = appendToHclTuple(s.file, tuple, `"${LIST_TAGS}"`);
      else if (jsonList) ref.edit = appendToJsonArray(s.file.path, s.file.text, 0, jsonList, LIST_TAGS);
      else
        ref.unfixable = actionsAttr ? `actions is computed (${actionsAttr.expr.text})` : "the statement uses not_actions";
      res.push(ref);
    });
    return res;
  };
  const resolvePolicy = (expr, sc, file, holder, range, depth = 0) => {
    if (depth > 10) return null;
    const t = traversal(expr);
    if (t) {
      if (t[0] === "data" && t[1] === "aws_iam_policy_document" && t[2]) return docStatements(t[2]);
      if (t[0] === "var" && t[1]) {
        const src = sc.mod.vars.get(t[1]);
        return src ? resolvePolicy(src.expr, src.scope ?? sc, src.file, holder, void 0, depth + 1) : null;
      }
      if (t[0] === "local" && t[1]) {
        const l = sc.mod.locals.get(t[1]);
        return l ? resolvePolicy(l.expr, sc, l.file, holder, range, depth + 1) : null;
      }
      return null;
    }
    if (expr instanceof JsonExpr && expr.json.type === "object")
      return jsonStatements(expr.text, expr.startIndex, expr.file, holder, range);
    const { head } = exprParts(expr);
    if (!head && !(expr instanceof JsonExpr)) return null;
    if (head?.type === "function_call") {
      const fname = head.namedChildren[0]?.text;
      const argsNode = named(head).find((x) => x.type === "function_arguments");
      const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : void 0;
      if (fname === "jsonencode" && a0) {
        const obj = collectionOf(a0);
        if (obj?.type === "object") return hclObjectStatements(obj, sc, file, holder, range);
        const at = traversal(a0);
        if (at && at[0] === "local" && at[1]) {
          const l = sc.mod.locals.get(at[1]);
          const lo = l ? collectionOf(l.expr) : null;
          if (l && lo?.type === "object") return hclObjectStatements(lo, sc, l.file, holder, range);
        }
        return null;
      }
      if (fname === "templatefile" || fname === "file") {
        const tf = templateFile(head, sc, file);
        if (!tf) return null;
        return jsonStatements(tf.file.text, 0, tf.file, holder);
      }
      return null;
    }
    if (head?.type === "template_expr") {
      const h = head.namedChildren[0];
      if (h?.type === "heredoc_template") {
        const c = heredocContent(h, file);
        return c ? jsonStatements(c.text, c.start, file, holder, range) : null;
      }
    }
    const v = evaluate(expr, sc, file).v;
    if (typeof v === "string") {
      try {
        const doc = JSON.parse(v);
        const list = doc.Statement;
        const arr = Array.isArray(list) ? list : list ? [list] : [];
        return arr.flatMap((s, i) => {
          const stmt = fromJsonStatement(s);
          return stmt ? [
            {
              stmt,
              path: file.path,
              line: expr.startPosition.row + 1,
              holder,
              statementId: stmt.sid ?? String(i),
              unfixable: "the policy is an escaped JSON string"
            }
          ] : [];
        });
      } catch {
        return null;
      }
    }
    return null;
  };
  const identities = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  const KINDS = {
    aws_iam_role: "role",
    aws_iam_user: "user",
    aws_iam_group: "group"
  };
  for (const b of live) {
    const kind = b.type === "resource" ? KINDS[b.labels[0]] : void 0;
    if (!kind) continue;
    const key = `${b.labels[0]}.${b.labels[1]}`;
    const name = evaluate(b.attrs.get("name")?.expr ?? b.node, scope, b.file).v;
    const identity = {
      flavour: TF2,
      path: b.file.path,
      address: `${mod.prefix}${key}`,
      kind,
      ...typeof name === "string" ? { name } : {},
      policyNames: []
    };
    if (typeof name === "string") byName.set(`${b.labels[0]}:${name}`, key);
    identities.set(key, { identity, stmts: [], managed: [] });
  }
  const identityFor = (type, expr, holder) => {
    const t = expr ? traversal(expr) : null;
    let key;
    let name;
    if (t && t[0] === type && t[1]) key = `${type}.${t[1]}`;
    else if (expr) {
      const v = evaluate(expr, scope, holder.file).v;
      if (typeof v === "string") {
        name = v.replace(/^arn:[^:]+:iam::\d*:(role|user|group)\/(?:.*\/)?/, "");
        key = byName.get(`${type}:${name}`) ?? `${type}:${name}`;
      }
    }
    key ??= `${type}:?${mod.prefix}${holder.labels[0]}.${holder.labels[1]}`;
    let acc = identities.get(key);
    if (!acc) {
      acc = {
        identity: {
          flavour: TF2,
          path: holder.file.path,
          address: key.includes(":") ? `${mod.prefix}${holder.labels[0]}.${holder.labels[1]}` : `${mod.prefix}${key}`,
          kind: KINDS[type] ?? "role",
          ...name ? { name } : {},
          policyNames: []
        },
        stmts: [],
        managed: []
      };
      identities.set(key, acc);
    }
    return acc;
  };
  const policies = /* @__PURE__ */ new Map();
  for (const b of live) {
    if (b.type !== "resource" || b.labels[0] !== "aws_iam_policy") continue;
    const p = b.attrs.get("policy");
    const holder = `${mod.prefix}aws_iam_policy.${b.labels[1]}`;
    const stmts = p ? resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? [] : [];
    const name = evaluate(b.attrs.get("name")?.expr ?? b.node, scope, b.file).v;
    policies.set(b.labels[1], {
      block: b,
      stmts,
      ...typeof name === "string" ? { name } : {},
      attached: false
    });
  }
  const attach = (acc, arnExpr, file) => {
    const t = traversal(arnExpr);
    if (t && t[0] === "aws_iam_policy" && t[1]) {
      const p = policies.get(t[1]);
      if (p) {
        p.attached = true;
        acc.stmts.push(...p.stmts);
        acc.identity.policyNames.push(p.name ?? `aws_iam_policy.${t[1]}`);
      }
      return;
    }
    const v = evaluate(arnExpr, scope, file).v;
    if (typeof v === "string") {
      acc.managed.push(v);
      acc.identity.policyNames.push(v.replace(/^.*:policy\//, ""));
    } else acc.managed.push("?");
  };
  for (const b of live) {
    if (b.type !== "resource") continue;
    const t = b.labels[0];
    const holder = `${mod.prefix}${t}.${b.labels[1]}`;
    if (t === "aws_iam_role" || t === "aws_iam_user" || t === "aws_iam_group") {
      const acc = identities.get(`${t}.${b.labels[1]}`);
      for (const ip of b.blocks.filter((x) => x.type === "inline_policy")) {
        const p = ip.attrs.get("policy");
        if (p) acc.stmts.push(...resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? []);
        const n = ip.attrs.get("name") ? evaluate(ip.attrs.get("name").expr, scope, b.file).v : void 0;
        if (typeof n === "string") acc.identity.policyNames.push(n);
      }
      const mpa = b.attrs.get("managed_policy_arns");
      for (const e of (mpa ? listItems(mpa.expr) : null) ?? []) attach(acc, e, b.file);
    } else if (t === "aws_iam_role_policy" || t === "aws_iam_user_policy" || t === "aws_iam_group_policy") {
      const idType = t.replace(/_policy$/, "");
      const acc = identityFor(idType, b.attrs.get(idType.replace("aws_iam_", ""))?.expr, b);
      const p = b.attrs.get("policy");
      if (p) acc.stmts.push(...resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? []);
      const n = b.attrs.get("name") ? evaluate(b.attrs.get("name").expr, scope, b.file).v : void 0;
      if (typeof n === "string") acc.identity.policyNames.push(n);
    } else if (t === "aws_iam_role_policy_attachment" || t === "aws_iam_user_policy_attachment" || t === "aws_iam_group_policy_attachment") {
      const idType = t.replace(/_policy_attachment$/, "");
      const acc = identityFor(idType, b.attrs.get(idType.replace("aws_iam_", ""))?.expr, b);
      const arn = b.attrs.get("policy_arn");
      if (arn) attach(acc, arn.expr, b.file);
    } else if (t === "aws_iam_policy_attachment") {
      const arn = b.attrs.get("policy_arn");
      for (const [attr, idType] of [
        ["roles", "aws_iam_role"],
        ["users", "aws_iam_user"],
        ["groups", "aws_iam_group"]
      ]) {
        const a = b.attrs.get(attr);
        const items = a ? listItems(a.expr) : null;
        if (items && arn) for (const e of items) attach(identityFor(idType, e, b), arn.expr, b.file);
      }
    }
  }
  for (const [n, p] of policies) {
    if (p.attached || p.stmts.length === 0) continue;
    identities.set(`aws_iam_policy.${n}`, {
      identity: {
        flavour: TF2,
        path: p.block.file.path,
        address: `${mod.prefix}aws_iam_policy.${n}`,
        kind: "policy",
        ...p.name ? { name: p.name } : {}
      },
      stmts: p.stmts,
      managed: []
    });
  }
  for (const [n, d] of docs) {
    if (usedDocs.has(n)) continue;
    const stmts = docStatements(n);
    usedDocs.delete(n);
    if (stmts.length === 0 || isTrustPolicyDoc(d)) continue;
    identities.set(`data.aws_iam_policy_document.${n}`, {
      identity: {
        flavour: TF2,
        path: d.file.path,
        address: `${mod.prefix}data.aws_iam_policy_document.${n}`,
        kind: "policy"
      },
      stmts,
      managed: []
    });
  }
  for (const acc of identities.values()) {
    if (acc.identity.kind !== "policy") out.identities.push(acc.identity);
    if (acc.stmts.length === 0) continue;
    if (acc.managed.includes("?")) continue;
    const a = analyzeIdentity(
      acc.stmts.map((s) => s.stmt),
      acc.managed
    );
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = acc.stmts[i];
      const via = (s.stmt.actions ?? []).find((p) => p.toLowerCase() !== GET_FUNCTION.toLowerCase());
      const grant = s.stmt.actions?.some((p) => p.toLowerCase() === GET_FUNCTION.toLowerCase()) ? GET_FUNCTION : via ?? "NotAction";
      const f = {
        finding: makeFinding({
          rule: "LG005",
          flavour: TF2,
          kind: "policy-statement",
          address: s.holder,
          path: s.path,
          line: s.line,
          statementId: s.statementId,
          message: `${s.holder} statement ${s.stmt.sid ? `"${s.stmt.sid}"` : `#${Number(s.statementId) + 1}`} grants ${grant === GET_FUNCTION ? GET_FUNCTION : `${GET_FUNCTION} (via ${grant})`} to ${acc.identity.address}${acc.identity.name ? ` (${acc.identity.name})` : ""}, which is not allowed lambda:ListTags: GetFunction silently returns no tags to it.`,
          evidence: {
            grants: grant,
            identity: acc.identity.address,
            statement: s.stmt.sid ?? Number(s.statementId)
          },
          remediation: {
            summary: `Add "${LIST_TAGS}" to the statement that grants ${GET_FUNCTION}, with the same resources and conditions.`
          }
        }),
        identity: acc.identity,
        ...s.range ? { resourceRange: s.range } : {}
      };
      if (a.listTagsDenied)
        f.unfixable = "a Deny statement covers lambda:ListTags; adding it to the Allow would not help";
      else if (s.edit)
        f.fix = { edits: [s.edit], notes: [`Added ${LIST_TAGS} beside ${grant} in ${s.holder}.`] };
      else f.unfixable = s.unfixable ?? "the statement cannot be patched automatically";
      out.findings.push(f);
    }
  }
}
function isTrustPolicyDoc(d) {
  return d.blocks.every((s) => s.type !== "statement" || s.blocks.some((p) => p.type === "principals"));
}

// src/iac/terraform/modules.ts
function dirOf(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
function isTfvars(path) {
  return /\.tfvars(\.json)?$/i.test(path);
}
function isTfJson(path) {
  return /\.(tf|tfvars)\.json$/i.test(path);
}
async function parseAll(files, coverage) {
  const out = [];
  for (const file of files) {
    if (isTfJson(file.path)) {
      const j = readTfJson(file, isTfvars(file.path));
      if (j.errorLine !== void 0) {
        coverage.push({
          scope: file.path,
          status: "partial",
          detail: `JSON syntax error at line ${j.errorLine}: the file was not analysed`
        });
      }
      out.push({ file, blocks: j.blocks, attrs: j.attrs });
      continue;
    }
    let tree;
    try {
      tree = await parse2("terraform", file.text);
    } catch (err2) {
      coverage.push({ scope: file.path, status: "failed", detail: `cannot parse: ${String(err2)}` });
      continue;
    }
    const err = firstError(tree.rootNode);
    if (err) {
      coverage.push({
        scope: file.path,
        status: "partial",
        detail: `HCL syntax error at line ${err.startPosition.row + 1}${err.isMissing ? ` (missing ${err.type})` : ""}: blocks with errors were not analysed`
      });
    }
    const { blocks, attrs } = readFile(file, tree.rootNode);
    out.push({ file, tree, blocks: blocks.filter((b) => !b.node.hasError), attrs });
  }
  return out;
}
var LOCAL_SOURCE = /^\.{1,2}\//;
function buildModules(parsed, files) {
  const byDir = /* @__PURE__ */ new Map();
  for (const p of parsed) {
    const d = dirOf(p.file.path);
    const list = byDir.get(d) ?? [];
    list.push(p);
    byDir.set(d, list);
  }
  const tfDirs = [...byDir.keys()].filter((d) => byDir.get(d).some((p) => !isTfvars(p.file.path)));
  const called = /* @__PURE__ */ new Set();
  for (const d of tfDirs) {
    for (const p of byDir.get(d)) {
      for (const b of p.blocks) {
        if (b.type !== "module") continue;
        const src = b.attrs.get("source");
        const v = src ? evaluate(src.expr, dummyScope(files), p.file).v : void 0;
        if (typeof v === "string" && LOCAL_SOURCE.test(v)) called.add(normalizePath(d ? `${d}/${v}` : v));
      }
    }
  }
  const out = [];
  const instantiate = (dir, prefix, callArgs, depth, call) => {
    const ps = byDir.get(dir);
    if (!ps || depth > 8) return;
    const tf = ps.filter((p) => !isTfvars(p.file.path));
    const blocks = tf.flatMap((p) => p.blocks);
    const mod = {
      dir,
      prefix,
      blocks,
      vars: /* @__PURE__ */ new Map(),
      locals: /* @__PURE__ */ new Map(),
      files,
      ...call ? { call } : {}
    };
    for (const b of blocks) {
      if (b.type === "locals")
        for (const a of b.attrs.values()) mod.locals.set(a.name, { expr: a.expr, file: b.file });
    }
    for (const b of blocks) {
      if (b.type !== "variable" || !b.labels[0]) continue;
      const def = b.attrs.get("default");
      if (def)
        mod.vars.set(b.labels[0], {
          expr: def.expr,
          file: b.file,
          scope: null,
          desc: `default in ${b.file.path}:${def.line}`,
          from: "default",
          line: def.line
        });
    }
    if (callArgs) {
      for (const [k, v] of callArgs)
        if (blocks.some((b) => b.type === "variable" && b.labels[0] === k)) mod.vars.set(k, v);
    } else {
      const tfvars = ps.filter((p) => isTfvars(p.file.path));
      const rank = (p) => {
        const n = p.file.path.slice(p.file.path.lastIndexOf("/") + 1);
        return n === "terraform.tfvars" ? 0 : n === "terraform.tfvars.json" ? 1 : /\.auto\.tfvars(\.json)?$/.test(n) ? 2 : 3;
      };
      tfvars.sort((a, b) => rank(a) - rank(b) || (a.file.path < b.file.path ? -1 : 1));
      for (const p of tfvars) {
        for (const a of p.attrs.values()) {
          mod.vars.set(a.name, {
            expr: a.expr,
            file: p.file,
            scope: null,
            desc: `${p.file.path}:${a.line}`,
            from: "tfvars",
            line: a.line
          });
        }
      }
    }
    out.push(mod);
    const scope = { mod, depth: 0 };
    for (const b of blocks) {
      if (b.type !== "module" || !b.labels[0]) continue;
      const src = b.attrs.get("source");
      const v = src ? evaluate(src.expr, scope, b.file).v : void 0;
      if (typeof v !== "string" || !LOCAL_SOURCE.test(v)) continue;
      const childDir = normalizePath(dir ? `${dir}/${v}` : v);
      const args = /* @__PURE__ */ new Map();
      for (const a of b.attrs.values()) {
        args.set(a.name, {
          expr: a.expr,
          file: b.file,
          scope,
          desc: `module "${b.labels[0]}" argument in ${b.file.path}:${a.line}`,
          from: "argument",
          line: a.line
        });
      }
      instantiate(childDir, `${prefix}module.${b.labels[0]}.`, args, depth + 1, b);
    }
  };
  for (const d of tfDirs.sort()) if (!called.has(d)) instantiate(d, "", null, 0);
  return out;
}
function dummyScope(files) {
  return { mod: { dir: "", prefix: "", blocks: [], vars: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map(), files }, depth: 0 };
}
var INSTANCE_PREFIX = /^((?:module\.[^.]+\.)+)(.+)$/;
function mergeModuleInstances(findings, rules = ["LG005"]) {
  const groups = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const m = INSTANCE_PREFIX.exec(f.finding.resource.iac?.address ?? "");
    if (!m || !rules.includes(f.finding.rule)) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([
      f.finding.rule,
      f.finding.location,
      m[2],
      f.fix?.edits ?? null,
      f.unfixable ?? null,
      f.finding.suppression ?? null
    ]);
    const g = groups.get(key);
    if (g) g.push(f);
    else {
      groups.set(key, [f]);
      out.push(key);
    }
  }
  return out.map((x) => {
    if (typeof x !== "string") return x;
    const g = groups.get(x);
    if (g.length === 1) return g[0];
    const first = g[0];
    const address = INSTANCE_PREFIX.exec(first.finding.resource.iac.address)[2];
    const instances = g.map((f2) => INSTANCE_PREFIX.exec(f2.finding.resource.iac.address)[1].slice(0, -1));
    const f = first.finding;
    return {
      ...first,
      finding: {
        ...f,
        // Stable across runs and distinct per statement: derived from the first instance's fingerprint.
        fingerprint: fingerprint(f.rule, f.location?.path ?? "", address, f.fingerprint),
        message: `${f.message} The statement is in a module instantiated ${g.length} times (${instances.join(", ")}); one change fixes every instance.`,
        resource: { ...f.resource, iac: { ...f.resource.iac, address } },
        evidence: { ...f.evidence, instances }
      }
    };
  });
}

// src/iac/terraform/index.ts
var terraformDetector = {
  flavours: ["terraform"],
  claims(file) {
    return /\.(tf|tfvars)(\.json)?$/i.test(file.path);
  },
  async analyze(files, ctx) {
    const out = { findings: [], coverage: [], functions: [], identities: [] };
    const parsed = await parseAll(files, out.coverage);
    try {
      for (const mod of buildModules(parsed, ctx.files)) {
        try {
          analyzeLambda(mod, out, ctx.now ?? /* @__PURE__ */ new Date());
          analyzeIam(mod, out);
        } catch (err) {
          out.coverage.push({
            scope: mod.dir || ".",
            status: "failed",
            detail: `Terraform module ${mod.prefix || "(root)"} could not be analysed: ${err instanceof Error ? err.message : String(err)}`
          });
        }
      }
    } finally {
      for (const p of parsed) p.tree?.delete();
    }
    out.findings = mergeModuleInstances(out.findings);
    return out;
  }
};

// src/iac/cdk/index.ts
import { createHash } from "node:crypto";
var CDK = "cdk";
var FUNCTION_CLASSES = /* @__PURE__ */ new Set([
  "Function",
  "NodejsFunction",
  "PythonFunction",
  "DockerImageFunction",
  "GoFunction",
  "SingletonFunction"
]);
var camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
var alnum = (s) => s.replace(/[^A-Za-z0-9]/g, "");
function cdkLogicalId(path) {
  const comps = path.filter((c) => c !== "Default");
  const hash = createHash("md5").update(comps.join("/")).digest("hex").slice(0, 8).toUpperCase();
  const human = comps.filter((c) => c !== "Resource").map(alnum).join("").slice(0, 240);
  return human + hash;
}
function walk(n, visit3) {
  const stack = [n];
  while (stack.length) {
    const x = stack.pop();
    visit3(x);
    const kids = x.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (c) stack.push(c);
    }
  }
}
function stringValue(n) {
  if (!n) return void 0;
  if (n.type === "string") {
    const parts = named(n).filter((c) => c.type === "string_fragment" || c.type === "string_content");
    if (named(n).some((c) => c.type === "interpolation" || c.type === "template_substitution"))
      return void 0;
    return parts.map((p) => p.text).join("");
  }
  if (n.type === "template_string" && !named(n).some((c) => c.type === "template_substitution"))
    return n.text.slice(1, -1);
  return void 0;
}
function readCall(n, lang) {
  let callee;
  let argsNode;
  let isNew = false;
  if (lang === "ts") {
    if (n.type !== "call_expression" && n.type !== "new_expression") return null;
    isNew = n.type === "new_expression";
    callee = n.childForFieldName(isNew ? "constructor" : "function");
    argsNode = n.childForFieldName("arguments");
  } else {
    if (n.type !== "call") return null;
    callee = n.childForFieldName("function");
    argsNode = n.childForFieldName("arguments");
  }
  if (!callee) return null;
  let name = callee.text;
  let receiver = null;
  if (callee.type === "member_expression" || callee.type === "attribute") {
    const prop = callee.childForFieldName(lang === "ts" ? "property" : "attribute");
    name = prop?.text ?? name;
    receiver = callee.childForFieldName("object");
  }
  const args = argsNode ? named(argsNode).filter((a) => a.type !== "comment" && a.type !== "keyword_argument") : [];
  const props2 = /* @__PURE__ */ new Map();
  if (lang === "ts") {
    const obj = args.find((a) => a.type === "object");
    for (const p of obj ? named(obj) : []) {
      if (p.type !== "pair") continue;
      const k = p.childForFieldName("key");
      const v = p.childForFieldName("value");
      if (k && v) props2.set(stringValue(k) ?? k.text, { key: k, value: v, pair: p });
    }
  } else if (argsNode) {
    for (const kw of named(argsNode)) {
      if (kw.type !== "keyword_argument") continue;
      const k = kw.childForFieldName("name");
      const v = kw.childForFieldName("value");
      if (k && v) props2.set(camel(k.text), { key: k, value: v, pair: kw });
    }
  }
  return { node: n, name, receiver, isNew: isNew || lang === "py" && /^[A-Z]/.test(name), args, props: props2 };
}
function statementOf(n) {
  let cur = n;
  while (cur.parent && ![
    "expression_statement",
    "lexical_declaration",
    "variable_declaration",
    "program",
    "module",
    "class_body",
    "block",
    "statement_block"
  ].includes(cur.type)) {
    cur = cur.parent;
  }
  return ["program", "module", "class_body", "block", "statement_block"].includes(cur.type) ? n : cur;
}
function lineStart3(text, off) {
  return text.lastIndexOf("\n", off - 1) + 1;
}
function lineEnd2(text, off) {
  const i = text.indexOf("\n", off);
  return i < 0 ? text.length : i + 1;
}
function constructId(c) {
  return stringValue(c.args[1]);
}
function principalJson(text, literal) {
  if (literal === "*" || /\b(AnyPrincipal|StarPrincipal)\s*\(/.test(text) || /ArnPrincipal\(\s*["']\*["']\s*\)/.test(text))
    return "*";
  const service = /ServicePrincipal\(\s*["']([^"']+)["']/.exec(text)?.[1] ?? (literal?.endsWith(".amazonaws.com") ? literal : void 0);
  if (service) return { Service: service };
  if (/\b(AccountRootPrincipal|AccountPrincipal)\s*\(/.test(text)) return { AWS: "000000000000" };
  const arn = /ArnPrincipal\(\s*["']([^"']+)["']/.exec(text)?.[1];
  return { AWS: arn ?? literal ?? `\${${text.slice(0, 60)}}` };
}
function isEnumMember(n, member) {
  return (n.type === "member_expression" || n.type === "attribute") && n.text.endsWith(`.${member}`);
}
var cdkDetector = {
  flavours: ["cdk"],
  claims(file) {
    if (!/\.(ts|mts|py)$/i.test(file.path) || file.path.endsWith(".d.ts")) return false;
    return /aws-cdk-lib|@aws-cdk\/|aws_cdk|from constructs|import constructs/.test(file.text);
  },
  async analyze(files, ctx) {
    const out = { findings: [], coverage: [], functions: [], identities: [] };
    const ctxs = [];
    try {
      for (const file of files) {
        const lang = file.path.endsWith(".py") ? "py" : "ts";
        let tree;
        try {
          tree = await parse2(
            lang === "py" ? "python" : file.path.endsWith(".tsx") ? "tsx" : "typescript",
            file.text
          );
        } catch (err2) {
          out.coverage.push({ scope: file.path, status: "failed", detail: `cannot parse: ${String(err2)}` });
          continue;
        }
        const err = firstError(tree.rootNode);
        if (err) {
          out.coverage.push({
            scope: file.path,
            status: "partial",
            detail: `syntax error at line ${err.startPosition.row + 1}: statements with errors were not analysed`
          });
        }
        const calls = [];
        const decls = /* @__PURE__ */ new Map();
        const stackClasses = /* @__PURE__ */ new Set();
        walk(tree.rootNode, (n) => {
          if (n.hasError) return;
          const c = readCall(n, lang);
          if (c) calls.push(c);
          if (n.type === "variable_declarator") {
            const nm = n.childForFieldName("name");
            const v = n.childForFieldName("value");
            if (nm && v) decls.set(nm.text, v);
          } else if (n.type === "assignment" || n.type === "assignment_expression") {
            const l = n.childForFieldName("left");
            const r = n.childForFieldName("right");
            if (l && r) decls.set(l.text.replace(/^(this|self)\./, ""), r);
          } else if (n.type === "public_field_definition") {
            const nm = n.childForFieldName("name");
            const v = n.childForFieldName("value");
            if (nm && v) decls.set(nm.text, v);
          } else if (n.type === "class_declaration" || n.type === "class_definition") {
            const heritage = lang === "ts" ? named(n).find((c2) => c2.type === "class_heritage")?.text : n.childForFieldName("superclasses")?.text;
            const nm = n.childForFieldName("name")?.text;
            if (nm && heritage && /\bStack\b/.test(heritage)) stackClasses.add(nm);
          }
        });
        ctxs.push({ file, lang, tree, calls, decls, stackClasses });
      }
      const stackIds = /* @__PURE__ */ new Map();
      const allStackClasses = new Set(ctxs.flatMap((c) => [...c.stackClasses]));
      for (const c of ctxs) {
        for (const call of c.calls) {
          if (call.isNew && allStackClasses.has(call.name)) {
            const id = constructId(call);
            const sn = stringValue(call.props.get("stackName")?.value);
            if (id) stackIds.set(call.name, sn ?? id);
          }
        }
      }
      for (const c of ctxs) analyzeFile(c, stackIds, out, ctx.now ?? /* @__PURE__ */ new Date());
    } finally {
      for (const c of ctxs) c.tree.delete();
    }
    return out;
  }
};
function enclosingStackClass(n, c) {
  let cur = n.parent;
  while (cur) {
    if (cur.type === "class_declaration" || cur.type === "class_definition") {
      const nm = cur.childForFieldName("name")?.text;
      return nm && c.stackClasses.has(nm) ? nm : void 0;
    }
    cur = cur.parent;
  }
  return void 0;
}
function analyzeFile(c, stackIds, out, now) {
  const { file } = c;
  const fnByVar = /* @__PURE__ */ new Map();
  const fnById = /* @__PURE__ */ new Map();
  for (const call of c.calls) {
    if (!call.isNew || !FUNCTION_CLASSES.has(call.name)) continue;
    const id = constructId(call);
    if (!id) continue;
    const scopeArg = call.args[0]?.text;
    const stackClass = enclosingStackClass(call.node, c);
    const fn = {
      flavour: CDK,
      path: file.path,
      address: id,
      ...stringValue(call.props.get("functionName")?.value) ? { functionName: stringValue(call.props.get("functionName")?.value) } : {},
      ...(scopeArg === "this" || scopeArg === "self") && stackClass ? { logicalId: cdkLogicalId([id, "Resource"]) } : {},
      ...stackClass && stackIds.get(stackClass) ? { stackName: stackIds.get(stackClass) } : {}
    };
    out.functions.push(fn);
    fnById.set(id, fn);
    const decl = call.node.parent;
    if (decl?.type === "variable_declarator") fnByVar.set(decl.childForFieldName("name")?.text ?? "", fn);
    if (decl?.type === "assignment" || decl?.type === "assignment_expression") {
      fnByVar.set(decl.childForFieldName("left")?.text.replace(/^(this|self)\./, "") ?? "", fn);
    }
  }
  const fnOf = (n) => {
    if (!n) return { key: "?" };
    const t = n.text.replace(/^(this|self)\./, "").replace(/\.(functionName|functionArn|function_name|function_arn)$/, "");
    const fn = fnByVar.get(t);
    return fn ? { key: fn.address, fn } : { key: t };
  };
  const resolve2 = (n) => {
    if (n.type === "identifier" && c.decls.has(n.text)) {
      const d = c.decls.get(n.text);
      return { node: d, via: `${n.text} (${file.path}:${d.startPosition.row + 1})` };
    }
    return { node: n };
  };
  const edit = (start, end, newText) => ({
    path: file.path,
    start,
    end,
    newText
  });
  const deleteStatement = (n) => {
    const st = statementOf(n);
    let start = lineStart3(file.text, st.startIndex);
    let end = lineEnd2(file.text, st.endIndex);
    for (; ; ) {
      if (start === 0) break;
      const ps = lineStart3(file.text, start - 1);
      const prev = file.text.slice(ps, start);
      if (/^\s*(\/\/|#)/.test(prev) && !/lambda-guard:|checkov:/.test(prev)) start = ps;
      else break;
    }
    const before = start === 0 ? "\n" : file.text.slice(lineStart3(file.text, start - 1), start);
    const after = file.text.slice(end, lineEnd2(file.text, end));
    if (before.trim() === "" && after.trim() === "" && end < file.text.length) end = lineEnd2(file.text, end);
    return edit(start, end, "");
  };
  const rangeOf2 = (n) => {
    const st = statementOf(n);
    return { startLine: st.startPosition.row + 1, endLine: st.endPosition.row + 1 };
  };
  const byFn = /* @__PURE__ */ new Map();
  const factsOf = (ref) => {
    const e = byFn.get(ref.key) ?? { ...ref.fn ? { fn: ref.fn } : {}, urls: [], statements: [] };
    byFn.set(ref.key, e);
    return e;
  };
  const at = (call, n, address, fnRef, extra = {}) => ({
    path: file.path,
    line: (n ?? call.node).startPosition.row + 1,
    address,
    resourceRange: rangeOf2(call.node),
    ...fnRef.fn ? { function: fnRef.fn } : {},
    ...extra
  });
  const removal = (call, address) => ({
    key: `${call.node.startIndex}`,
    remove: () => ({ edits: [deleteStatement(call.node)], notes: [`Removed ${address}.`] })
  });
  const urlVars = /* @__PURE__ */ new Map();
  for (const call of c.calls) {
    let address;
    let fnRef;
    const l2 = !call.isNew ? call.name === "addFunctionUrl" || call.name === "add_function_url" : call.name === "FunctionUrl";
    if (!call.isNew && l2) {
      fnRef = fnOf(call.receiver);
      address = `${fnRef.key}/FunctionUrl`;
    } else if (call.isNew && l2) {
      fnRef = fnOf(call.props.get("function")?.value);
      address = constructId(call) ?? "FunctionUrl";
    } else if (call.isNew && call.name === "CfnUrl") {
      fnRef = fnOf(call.props.get("targetFunctionArn")?.value);
      address = constructId(call) ?? "CfnUrl";
    } else continue;
    const authProp = call.props.get("authType");
    const r = authProp ? resolve2(authProp.value) : void 0;
    const v = r?.node;
    const is = (m) => !!v && (isEnumMember(v, m) || stringValue(v) === m);
    const auth = !v ? l2 ? { kind: "AWS_IAM" } : { kind: "unknown", detail: "authType missing" } : is("NONE") ? { kind: "NONE" } : is("AWS_IAM") ? { kind: "AWS_IAM" } : { kind: "unknown", detail: v.text.slice(0, 60) };
    const ref = at(call, authProp?.pair, address, fnRef, {
      ...r?.via && v ? { evidence: { definedAt: `${file.path}:${v.startPosition.row + 1}` } } : {},
      setIam: () => {
        if (!v || auth.kind !== "NONE")
          return { unfixable: "authType is computed; set it to AWS_IAM where it is decided" };
        const frag = stringValue(v) === "NONE" ? named(v).find((x) => x.type === "string_fragment" || x.type === "string_content") : v.childForFieldName(c.lang === "ts" ? "property" : "attribute");
        if (!frag) return { unfixable: "authType cannot be patched here" };
        const notes = r?.via ? [`authType comes from ${r.via}; patched where it is defined.`] : [];
        if (l2)
          notes.push(
            "CDK adds the public URL permissions for a NONE URL itself; with AWS_IAM it stops adding them on the next deploy."
          );
        return { edits: [edit(frag.startIndex, frag.endIndex, "AWS_IAM")], notes };
      }
    });
    const url = { qualifier: null, auth, ref };
    const e = factsOf(fnRef);
    e.urls.push(url);
    if (l2 && auth.kind !== "AWS_IAM")
      for (const s of publicUrlStatements("cdk"))
        e.statements.push({
          qualifier: null,
          label: `${address}/${s.label}`,
          statement: s.statement,
          provenance: { kind: "toolchain", by: "cdk" },
          ref
        });
    const decl = call.node.parent;
    const name = decl?.childForFieldName(decl.type === "variable_declarator" ? "name" : "left")?.text.replace(/^(this|self)\./, "");
    if (name) urlVars.set(name, { fnRef, auth });
  }
  for (const call of c.calls) {
    const isAdd = !call.isNew && (call.name === "addPermission" || call.name === "add_permission");
    const isCfn = call.isNew && call.name === "CfnPermission";
    const grant = !call.isNew && /^(grantInvoke|grant_invoke|grantInvokeUrl|grant_invoke_url)$/.test(call.name) ? call.name : void 0;
    if (!isAdd && !isCfn && !grant) continue;
    if (grant) {
      const principalNode = call.args[0];
      if (!principalNode) continue;
      const receiver = call.receiver?.text.replace(/^(this|self)\./, "") ?? "";
      const urlVar = urlVars.get(receiver);
      const fnRef2 = urlVar?.fnRef ?? fnOf(call.receiver);
      const principal2 = principalJson(
        resolve2(principalNode).node.text,
        stringValue(resolve2(principalNode).node)
      );
      const address2 = `${fnRef2.key}/${grant}`;
      const onUrl = /url/i.test(grant);
      const ref = at(call, call.node, address2, fnRef2, { group: removal(call, address2) });
      const urlAuth = urlVar && urlVar.auth.kind !== "unknown" ? urlVar.auth.kind : "AWS_IAM";
      const statements = onUrl ? [
        {
          Effect: "Allow",
          Principal: principal2,
          Action: "lambda:InvokeFunctionUrl",
          Resource: "*",
          Condition: { StringEquals: { "lambda:FunctionUrlAuthType": urlAuth } }
        },
        {
          Effect: "Allow",
          Principal: principal2,
          Action: "lambda:InvokeFunction",
          Resource: "*",
          Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } }
        }
      ] : [{ Effect: "Allow", Principal: principal2, Action: "lambda:InvokeFunction", Resource: "*" }];
      statements.forEach(
        (statement, i) => factsOf(fnRef2).statements.push({
          qualifier: null,
          label: statements.length > 1 ? `${address2}#${i}` : address2,
          statement,
          provenance: { kind: "code" },
          ref
        })
      );
      continue;
    }
    const principal = call.props.get("principal");
    if (!principal) continue;
    const pv = resolve2(principal.value).node;
    const fnRef = isAdd ? fnOf(call.receiver) : fnOf(call.props.get("functionName")?.value);
    const id = isAdd ? stringValue(call.args[0]) : constructId(call);
    const address = isAdd ? `${fnRef.key}/${id ?? "Permission"}` : id ?? "CfnPermission";
    const condition2 = {};
    const cond = (op, key, prop) => {
      const n = call.props.get(prop)?.value;
      if (n) condition2[op] = { ...condition2[op], [key]: stringValue(resolve2(n).node) ?? `\${${n.text}}` };
    };
    cond("ArnLike", "aws:SourceArn", "sourceArn");
    cond("StringEquals", "aws:SourceAccount", "sourceAccount");
    cond("StringEquals", "aws:PrincipalOrgID", "principalOrgId");
    cond("StringEquals", "aws:PrincipalOrgID", "organizationId");
    const authNode = call.props.get("functionUrlAuthType")?.value;
    if (authNode)
      condition2.StringEquals = {
        ...condition2.StringEquals,
        "lambda:FunctionUrlAuthType": isEnumMember(authNode, "AWS_IAM") || stringValue(authNode) === "AWS_IAM" ? "AWS_IAM" : "NONE"
      };
    if (/^(true|True)$/.test(call.props.get("invokedViaFunctionUrl")?.value.text ?? ""))
      condition2.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    factsOf(fnRef).statements.push({
      qualifier: null,
      label: address,
      statement: {
        Effect: "Allow",
        Principal: principalJson(pv.text, stringValue(pv)),
        Action: stringValue(call.props.get("action")?.value) ?? "lambda:InvokeFunction",
        Resource: "*",
        ...Object.keys(condition2).length > 0 ? { Condition: condition2 } : {}
      },
      provenance: { kind: "code" },
      ref: at(call, principal.pair, address, fnRef, { group: removal(call, address) })
    });
  }
  for (const [key, e] of byFn) {
    const functionName = e.fn?.functionName;
    const { exposures, skipped } = decideExposure(
      { target: { ...functionName ? { functionName } : {} }, urls: e.urls, statements: e.statements },
      now
    );
    for (const x of skipped)
      out.coverage.push({
        scope: `${file.path}:${x.fact.ref.line}`,
        status: "partial",
        detail: `${x.fact.label} was not analysed: ${x.error}`
      });
    for (const x of exposures)
      out.findings.push(
        exposureFinding(x, {
          flavour: CDK,
          subject: x.url ? `function URL ${x.url.ref.address}` : `function ${key}`,
          ...functionName ? { functionName } : {}
        })
      );
  }
  analyzePolicies(c, out, resolve2);
}
function analyzePolicies(c, out, resolve2) {
  const { file } = c;
  const groups = /* @__PURE__ */ new Map();
  const roles = /* @__PURE__ */ new Map();
  for (const call of c.calls) {
    if (!call.isNew || !/^(Role|User|Group)$/.test(call.name)) continue;
    const id = constructId(call);
    if (!id) continue;
    const nm = stringValue(call.props.get(`${call.name.toLowerCase()}Name`)?.value);
    const identity = {
      flavour: CDK,
      path: file.path,
      address: id,
      kind: call.name.toLowerCase(),
      ...nm ? { name: nm } : {}
    };
    out.identities.push(identity);
    const decl = call.node.parent;
    const v = decl?.type === "variable_declarator" ? decl.childForFieldName("name")?.text : decl?.childForFieldName("left")?.text.replace(/^(this|self)\./, "");
    if (v) roles.set(v, identity);
  }
  const addCalls = c.calls.filter(
    (x) => !x.isNew && /^(addToPolicy|addToRolePolicy|addToPrincipalPolicy|add_to_policy|add_to_role_policy|add_to_principal_policy|addStatements|add_statements)$/.test(
      x.name
    )
  );
  const groupFor = (stmtCall) => {
    let cur = stmtCall.node.parent;
    while (cur) {
      const hit = addCalls.find((a) => a.node.equals(cur));
      if (hit) return hit.receiver?.text.replace(/^(this|self)\./, "") ?? "?";
      if (cur.type === "variable_declarator" || cur.type === "assignment") {
        const name = (cur.childForFieldName("name") ?? cur.childForFieldName("left"))?.text;
        const use = addCalls.find((a) => a.args.some((x) => x.text === name));
        if (use) return use.receiver?.text.replace(/^(this|self)\./, "") ?? "?";
        const owner = c.calls.find(
          (o) => o.isNew && /Policy|PolicyDocument/.test(o.name) && named(o.props.get("statements")?.value ?? o.node).some((x) => x.text === name)
        );
        const id = owner ? constructId(owner) : void 0;
        if (id) return id;
        break;
      }
      if (cur.type === "new_expression" || cur.type === "call") {
        const owner = readCall(cur, c.lang);
        const id = owner ? constructId(owner) : void 0;
        if (owner && owner.isNew && id && /Policy|Role/.test(owner.name)) return id;
      }
      cur = cur.parent;
    }
    return "(file)";
  };
  for (const call of c.calls) {
    if (!call.isNew || call.name !== "PolicyStatement") continue;
    const actionsProp = call.props.get("actions");
    const notActionsProp = call.props.get("notActions");
    const list = (p) => {
      if (!p) return void 0;
      const arr2 = resolve2(p.value).node;
      return named(arr2).map((e) => stringValue(e)).filter((s) => typeof s === "string");
    };
    const effect = call.props.get("effect")?.value.text ?? "";
    const stmt = { effect: /DENY/.test(effect) ? "Deny" : "Allow" };
    const actions = list(actionsProp);
    const notActions = list(notActionsProp);
    if (actions) stmt.actions = actions;
    if (notActions) stmt.notActions = notActions;
    const res = call.props.get("resources");
    stmt.resources = res ? named(resolve2(res.value).node).map((e) => stringValue(e) ?? "${unknown}") : ["*"];
    if (call.props.has("conditions")) stmt.condition = true;
    const sid = stringValue(call.props.get("sid")?.value);
    if (sid) stmt.sid = sid;
    const key = groupFor(call);
    let g = groups.get(key);
    if (!g) {
      g = {
        identity: roles.get(key) ?? { flavour: CDK, path: file.path, address: key, kind: "role" },
        stmts: []
      };
      groups.set(key, g);
    }
    const decl = call.node.parent;
    const varName = decl?.childForFieldName(decl.type === "variable_declarator" ? "name" : "left")?.text.replace(/^(this|self)\./, "");
    const builder = (re) => varName ? c.calls.filter(
      (x) => !x.isNew && re.test(x.name) && x.receiver?.text.replace(/^(this|self)\./, "") === varName
    ) : [];
    const addActions = builder(/^(addActions|add_actions)$/);
    if (addActions.length > 0)
      stmt.actions = [
        ...stmt.actions ?? [],
        ...addActions.flatMap((x) => x.args.map((a) => stringValue(a) ?? "${unknown}"))
      ];
    const addResources = builder(/^(addResources|add_resources)$/);
    if (!res && addResources.length > 0)
      stmt.resources = addResources.flatMap((x) => x.args.map((a) => stringValue(a) ?? "${unknown}"));
    if (builder(/^(addAllResources|add_all_resources)$/).length > 0) stmt.resources = ["*"];
    const lastAdd = addActions[addActions.length - 1];
    const cs = {
      stmt,
      call,
      line: (actionsProp?.pair ?? addActions[0]?.node ?? call.node).startPosition.row + 1
    };
    const arr = actionsProp ? resolve2(actionsProp.value).node : null;
    const lastArg = lastAdd?.args[lastAdd.args.length - 1];
    if (!actionsProp && lastArg) {
      const q = lastArg.text.startsWith("'") ? "'" : '"';
      cs.edit = {
        path: file.path,
        start: lastArg.endIndex,
        end: lastArg.endIndex,
        newText: `, ${q}${LIST_TAGS}${q}`
      };
      g.stmts.push(cs);
      continue;
    }
    if (arr && (arr.type === "array" || arr.type === "list")) {
      const els = named(arr).filter((e) => e.type !== "comment");
      const last = els[els.length - 1];
      const q = last && last.text.startsWith("'") ? "'" : '"';
      const item = `${q}${LIST_TAGS}${q}`;
      if (!last)
        cs.edit = { path: file.path, start: arr.startIndex, end: arr.endIndex, newText: `[${item}]` };
      else {
        const next = last.nextSibling;
        const at = {
          start: last.startIndex,
          end: last.endIndex,
          ...next?.type === "," ? { commaEnd: next.endIndex } : {},
          multiLine: last.startPosition.row !== arr.startPosition.row
        };
        cs.edit = { path: file.path, ...appendAfterLast(file.text, at, item) };
      }
    } else cs.unfixable = actionsProp ? "actions is not an array literal" : "the statement uses notActions";
    g.stmts.push(cs);
  }
  for (const [key, g] of groups) {
    const a = analyzeIdentity(g.stmts.map((s) => s.stmt));
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = g.stmts[i];
      const f = {
        finding: makeFinding({
          rule: "LG005",
          flavour: CDK,
          kind: "policy-statement",
          address: `${key}/PolicyStatement`,
          path: file.path,
          line: s.line,
          statementId: s.stmt.sid ?? String(i),
          message: `A PolicyStatement added to ${key} grants ${GET_FUNCTION}${(s.stmt.actions ?? []).includes(GET_FUNCTION) ? "" : ` (via ${(s.stmt.actions ?? ["NotAction"]).join(", ")})`}, but ${key} is not allowed lambda:ListTags: GetFunction silently returns no tags to it.`,
          evidence: { identity: key, statement: s.stmt.sid ?? i },
          remediation: {
            summary: `Add '${LIST_TAGS}' to the statement's actions, with the same resources and conditions.`
          }
        }),
        identity: g.identity,
        resourceRange: {
          startLine: statementOf(s.call.node).startPosition.row + 1,
          endLine: statementOf(s.call.node).endPosition.row + 1
        }
      };
      if (a.listTagsDenied) f.unfixable = "a Deny statement covers lambda:ListTags";
      else if (s.edit)
        f.fix = { edits: [s.edit], notes: [`Added ${LIST_TAGS} to the PolicyStatement for ${key}.`] };
      else f.unfixable = s.unfixable ?? "cannot patch this statement";
      out.findings.push(f);
    }
  }
}

// src/iac/cloudformation/finding.ts
function makeFinding2({ summary, notes, key, ...rest }) {
  return makeFinding({
    ...rest,
    ...key !== void 0 ? { statementId: key } : {},
    remediation: { summary, ...notes && notes.length > 0 ? { notes } : {} }
  });
}

// src/iac/cloudformation/tree.ts
function addEntry(m, e, dups) {
  const i = m.entries.findIndex((x) => x.key === e.key);
  if (i < 0) {
    m.entries.push(e);
    return;
  }
  dups.push([e.key, m.entries[i].keyStart, e.keyStart]);
  m.entries[i] = e;
}
function fromYaml(node, dups, parent) {
  if (isScalar(node)) {
    const r = node.range ?? [0, 0, 0];
    const v = node.value;
    const value = typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : String(v);
    return { kind: "scalar", value, start: r[0], end: r[1], raw: node, parent, ...tagOf(node) };
  }
  if (isMap(node)) {
    const r = node.range ?? [0, 0, 0];
    const m = {
      kind: "map",
      entries: [],
      flow: !!node.flow,
      start: r[0],
      end: r[1],
      raw: node,
      parent
    };
    Object.assign(m, tagOf(node));
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const keyStart = pair.key.range?.[0] ?? r[0];
      const value = fromYaml(pair.value, dups, m) ?? nullScalar(pair, m);
      addEntry(m, { key: String(pair.key.value), keyStart, value, raw: pair }, dups);
    }
    return m;
  }
  if (isSeq(node)) {
    const r = node.range ?? [0, 0, 0];
    const s = { kind: "seq", items: [], flow: !!node.flow, start: r[0], end: r[1], raw: node, parent };
    Object.assign(s, tagOf(node));
    for (const it of node.items) {
      const t = fromYaml(it, dups, s);
      if (t) s.items.push(t);
    }
    return s;
  }
  return void 0;
}
function nullScalar(pair, parent) {
  const k = pair.key.range ?? [0, 0, 0];
  return { kind: "scalar", value: null, start: k[1], end: k[1], raw: pair.key, parent };
}
function tagOf(node) {
  return node.tag && node.tag.startsWith("!") && !node.tag.startsWith("!!") ? { tag: node.tag } : {};
}
function fromJson(node, dups, parent) {
  if (!node) return void 0;
  const start = node.offset;
  const end = node.offset + node.length;
  if (node.type === "object") {
    const m = { kind: "map", entries: [], flow: true, start, end, raw: node, parent };
    for (const prop of node.children ?? []) {
      const k = prop.children?.[0];
      const v = fromJson(prop.children?.[1], dups, m);
      if (!k || !v) continue;
      addEntry(m, { key: String(k.value), keyStart: k.offset, value: v, raw: prop }, dups);
    }
    return m;
  }
  if (node.type === "array") {
    const s = { kind: "seq", items: [], flow: true, start, end, raw: node, parent };
    for (const c of node.children ?? []) {
      const t = fromJson(c, dups, s);
      if (t) s.items.push(t);
    }
    return s;
  }
  const value = node.value;
  return { kind: "scalar", value: value ?? null, start, end, raw: node, parent };
}
function isJsonPath(path) {
  return /\.json$/i.test(path);
}
function loadSource(file) {
  const dups = [];
  if (isJsonPath(file.path) || /^\s*\{/.test(file.text)) {
    const json = parseJson(file.text);
    const root2 = fromJson(json.root, dups);
    const duplicates2 = dups.map(([key, first, last]) => ({
      key,
      line: lineAt(file.text, last),
      firstLine: lineAt(file.text, first)
    }));
    return { format: "json", file, root: root2, errors: json.errors, json, duplicates: duplicates2 };
  }
  const yaml = parseYaml(file.text, { cloudformation: true });
  const root = fromYaml(yaml.doc.contents, dups);
  const line = (o) => yaml.lineCounter.linePos(o).line;
  const duplicates = dups.map(([key, first, last]) => ({ key, line: line(last), firstLine: line(first) }));
  return { format: "yaml", file, root, errors: yaml.errors, yaml, duplicates };
}
function duplicateKeyNote(doc) {
  if (doc.duplicates.length === 0) return void 0;
  const each = doc.duplicates.slice(0, 10).map(
    (d) => `${doc.file.path}:${d.line}: duplicate key ${JSON.stringify(d.key)} (first at line ${d.firstLine})`
  );
  const more = doc.duplicates.length > 10 ? `; and ${doc.duplicates.length - 10} more` : "";
  return `${each.join("; ")}${more}: analysed with the last value, which is what CloudFormation deploys (cfn-lint reports E0000); remove the duplicate`;
}
function get(node, key) {
  if (node?.kind !== "map") return void 0;
  return node.entries.find((e) => e.key === key)?.value;
}
function entry(node, key) {
  if (node?.kind !== "map") return void 0;
  return node.entries.find((e) => e.key === key);
}
function getIn(node, path) {
  let n = node;
  for (const p of path) {
    if (!n) return void 0;
    n = typeof p === "number" ? n.kind === "seq" ? n.items[p] : void 0 : get(n, p);
  }
  return n;
}
function str2(node) {
  if (node?.kind !== "scalar" || node.tag || node.value === null) return void 0;
  return String(node.value);
}
function isTrue(node) {
  const s = str2(node);
  return s !== void 0 && s.toLowerCase() === "true";
}
function listOf(node) {
  if (!node) return [];
  if (node.kind === "seq" && !node.tag) return node.items;
  return [node];
}
var SHORT_TO_LONG = { "!Ref": "Ref", "!Condition": "Condition" };
function intrinsic(node) {
  if (!node) return void 0;
  if (node.tag) {
    const fn = SHORT_TO_LONG[node.tag] ?? `Fn::${node.tag.slice(1)}`;
    return { fn, arg: { ...node, tag: void 0 } };
  }
  if (node.kind === "map" && node.entries.length === 1) {
    const e = node.entries[0];
    if (e.key === "Ref" || e.key === "Condition" || e.key.startsWith("Fn::"))
      return { fn: e.key, arg: e.value };
  }
  return void 0;
}
function lineOf2(doc, offset) {
  if (doc.yaml) return doc.yaml.lineCounter.linePos(offset).line;
  return lineAt(doc.file.text, offset);
}
function entryLines(doc, e) {
  return { startLine: lineOf2(doc, e.keyStart), endLine: lastLine(doc, e.value) };
}
function nodeLines(doc, n) {
  return { startLine: lineOf2(doc, n.start), endLine: lastLine(doc, n) };
}
function lastLine(doc, n) {
  const text = doc.file.text;
  let e = n.end;
  while (e > n.start + 1 && /\s/.test(text[e - 1] ?? "")) e--;
  return lineOf2(doc, Math.max(n.start, e - 1));
}
function withPath(doc, e) {
  return e ? { path: doc.file.path, start: e.start, end: e.end, newText: e.newText } : void 0;
}
function editReplaceScalar(doc, node, value) {
  if (doc.format === "json") return withPath(doc, jsonReplaceValue(node.raw, value));
  return withPath(doc, yamlReplaceScalar(doc.file.text, node.raw, value));
}
function editReplaceRaw(doc, node, yamlText, jsonText) {
  if (doc.format === "json") return withPath(doc, jsonReplaceRaw(node.raw, jsonText));
  return withPath(doc, yamlReplaceNode(node.raw, yamlText));
}
function editReplaceWithRef(doc, node, name) {
  return editReplaceRaw(doc, node, `!Ref ${name}`, JSON.stringify({ Ref: name }));
}
function editRemoveEntry(doc, map, key) {
  const e = entry(map, key);
  if (!e) return void 0;
  if (doc.format === "json")
    return withPath(doc, jsonRemove(doc.json, [...jsonPathOf(map.raw), key]));
  return withPath(doc, yamlRemovePair(doc.file.text, map.raw, e.raw));
}
function editRemoveItem(doc, seq, index) {
  if (doc.format === "json") {
    const item = seq.items[index];
    return item ? withPath(doc, jsonRemove(doc.json, jsonPathOf(item.raw))) : void 0;
  }
  return withPath(doc, yamlRemoveSeqItem(doc.file.text, seq.raw, index));
}
function editAddString(doc, map, key, value) {
  const e = entry(map, key);
  if (!e) return void 0;
  const v = e.value;
  if (v.tag) return void 0;
  if (doc.format === "json") {
    return withPath(doc, jsonAppendString(doc.json, v.raw, value));
  }
  if (v.kind === "seq") return withPath(doc, yamlAppendToSeq(doc.file.text, v.raw, value));
  if (v.kind === "scalar") {
    return withPath(doc, yamlScalarToSeq(doc.yaml, map.raw, e.raw, value));
  }
  return void 0;
}
function editInsertEntry(doc, map, key, value) {
  if (doc.format === "json") {
    const path = jsonPathOf(map.raw);
    return withPath(doc, jsonInsertProperty(doc.json, path, key, value));
  }
  return withPath(doc, yamlInsertPair(doc.file.text, map.raw, key, value));
}

// src/iac/cloudformation/iam.ts
function strings2(node, unknown2) {
  if (!node) return void 0;
  const out = [];
  for (const n of listOf(node)) {
    const s = str2(n);
    out.push(s ?? unknown2);
  }
  return out;
}
function readPolicyDocument(doc) {
  return readStatements(get(doc, "Statement"));
}
function readStatements(node) {
  const out = [];
  listOf(node).forEach((n, index) => {
    if (n.kind !== "map" || intrinsic(n)) return;
    const effect = str2(get(n, "Effect"));
    if (effect !== "Allow" && effect !== "Deny") return;
    const stmt = { effect };
    const sid = str2(get(n, "Sid"));
    if (sid) stmt.sid = sid;
    const actions = strings2(get(n, "Action"), "\0unresolved");
    const notActions = strings2(get(n, "NotAction"), "\0unresolved");
    if (actions) stmt.actions = actions;
    if (notActions) stmt.notActions = notActions;
    const resources = strings2(get(n, "Resource"), "${unresolved}");
    const notResources = strings2(get(n, "NotResource"), "${unresolved}");
    if (resources) stmt.resources = resources;
    if (notResources) stmt.notResources = notResources;
    if (get(n, "Condition")) stmt.condition = true;
    out.push({ node: n, index, stmt, ...sid ? { sid } : {} });
  });
  return out;
}
function lg005Findings(doc, flavour, groups) {
  const out = [];
  const done = /* @__PURE__ */ new Set();
  for (const g of groups) {
    const a = analyzeIdentity(
      g.statements.map((s) => s.stmt),
      g.managed
    );
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = g.statements[i];
      if (!s || done.has(s.node.start)) continue;
      done.add(s.node.start);
      out.push(statementFinding(doc, flavour, g, s, a.listTagsDenied));
    }
  }
  return out;
}
function statementFinding(doc, flavour, g, s, denied) {
  const actionNode = get(s.node, "Action");
  const granting = listOf(actionNode).find((n) => {
    const v = str2(n);
    return v !== void 0 && actionMatches2(v, GET_FUNCTION);
  });
  const at = granting ?? actionNode ?? get(s.node, "NotAction") ?? s.node;
  const line = lineOf2(doc, at.start);
  const grantedBy = granting ? str2(granting) : s.stmt.notActions ? `NotAction ${s.stmt.notActions.join(", ")}` : "";
  const who = g.identity.name ?? g.identity.address;
  const whoText = g.label ?? `${g.identity.kind} ${who}`;
  const finding = makeFinding2({
    rule: "LG005",
    message: `${s.label} grants lambda:GetFunction (via ${grantedBy}) but ${whoText} is not allowed lambda:ListTags, so GetFunction returns no tags to it.`,
    path: doc.file.path,
    address: s.address,
    flavour,
    kind: "policy-statement",
    line,
    evidence: {
      statement: s.sid ?? s.index,
      grantedBy,
      identity: who,
      ...g.managed.length > 0 ? { managedPolicies: g.managed } : {}
    },
    summary: "Add lambda:ListTags to the statement that grants lambda:GetFunction (same resources and conditions).",
    key: s.key
  });
  const result = { finding, resourceRange: s.resourceRange, identity: g.identity };
  if (denied) {
    result.unfixable = "a Deny statement covers lambda:ListTags; adding it to the Allow would not take effect";
  } else if (!actionNode || !granting) {
    result.unfixable = "the statement grants GetFunction through NotAction or an unresolved value; edit it by hand";
  } else {
    const edit = editAddString(doc, s.node, "Action", LIST_TAGS);
    if (edit) {
      const note = actionNode.kind === "scalar" ? `Action became a list: [${str2(actionNode)}, ${LIST_TAGS}]` : `${LIST_TAGS} appended to the Action list`;
      result.fix = { edits: [edit], notes: [note] };
      finding.remediation.notes = [note];
    } else {
      result.unfixable = "the Action is written in a form that cannot be extended safely";
    }
  }
  return result;
}

// src/iac/cloudformation/analyze.ts
var OWN_ACCOUNT = "000000000000";
function condition(via) {
  const p = /^parameter (\S+) \(Default\)$/.exec(via);
  if (p) return `parameter ${p[1]} keeps its Default`;
  const c = /^!If (\S+) \((true|false) branch\)$/.exec(via);
  return c ? `condition ${c[1]} is ${c[2]}` : via;
}
function principalJson2(p) {
  if (p === "*") return "*";
  if (/\.amazonaws\.com(\.cn)?$/.test(p)) return { Service: p };
  return { AWS: p };
}
var FUNCTION_TYPES = /* @__PURE__ */ new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);
function analyzeTemplate(t) {
  const a = new Analyzer(t);
  return a.run();
}
var Analyzer = class {
  constructor(t) {
    this.t = t;
    this.doc = t.doc;
    this.path = t.doc.file.path;
    for (const e of t.resources.entries) {
      const type = str2(get(e.value, "Type"));
      if (!type) continue;
      this.resources.set(e.key, { id: e.key, type, entry: e, props: get(e.value, "Properties") });
    }
  }
  t;
  doc;
  path;
  resources = /* @__PURE__ */ new Map();
  findings = [];
  coverage = [];
  functions = [];
  identities = [];
  run() {
    this.collectFunctions();
    this.urlFindings();
    this.iamFindings();
    return {
      findings: this.findings,
      coverage: this.coverage,
      functions: this.functions,
      identities: this.identities
    };
  }
  // ------------------------------------------------------------ values
  literals(n, via = [], depth = 0) {
    if (!n || depth > 8) return [];
    const fn = intrinsic(n);
    if (!fn) {
      if (n.kind === "scalar" && n.value !== null) return [{ value: String(n.value), node: n, via }];
      return [];
    }
    if (fn.fn === "Ref") {
      const name = str2(fn.arg);
      const param = name ? get(this.t.parameters, name) : void 0;
      if (!name || !param) return [];
      return this.literals(get(param, "Default"), [...via, `parameter ${name} (Default)`], depth + 1);
    }
    if (fn.fn === "Fn::If" && fn.arg.kind === "seq") {
      const cond = str2(fn.arg.items[0]) ?? "?";
      return [
        ...this.literals(fn.arg.items[1], [...via, `!If ${cond} (true branch)`], depth + 1),
        ...this.literals(fn.arg.items[2], [...via, `!If ${cond} (false branch)`], depth + 1)
      ];
    }
    return [];
  }
  literal(n) {
    const l = this.literals(n);
    return l.length === 1 ? l[0].value : void 0;
  }
  functionNameOf(fnId) {
    const r = this.resources.get(fnId);
    return r ? this.literal(get(r.props, "FunctionName")) : void 0;
  }
  /** Which function (logical id, or literal name) and qualifier a FunctionName/TargetFunctionArn points at. */
  target(n, depth = 0) {
    if (!n || depth > 5) return {};
    const fn = intrinsic(n);
    if (fn) {
      let ref;
      if (fn.fn === "Ref") ref = str2(fn.arg);
      else if (fn.fn === "Fn::GetAtt") {
        ref = fn.arg.kind === "seq" ? str2(fn.arg.items[0]) : str2(fn.arg)?.split(".")[0];
      } else if (fn.fn === "Fn::Sub") {
        const s2 = fn.arg.kind === "seq" ? str2(fn.arg.items[0]) : str2(fn.arg);
        const m = s2 ? /\$\{([A-Za-z0-9]+)(?:\.(?:Arn|Alias))?\}/.exec(s2) : null;
        ref = m?.[1];
      }
      if (!ref) return {};
      const alias = /^(.+)\.Alias$/.exec(ref);
      if (alias) {
        const base = this.resources.get(alias[1]);
        const q = str2(get(base?.props, "AutoPublishAlias"));
        return { fn: alias[1], ...q ? { qualifier: q } : {} };
      }
      const r = this.resources.get(ref);
      if (!r) {
        const param = get(this.t.parameters, ref);
        const d = param ? str2(get(param, "Default")) : void 0;
        return d ? this.byName(d) : param ? {} : { fn: ref };
      }
      if (FUNCTION_TYPES.has(r.type)) return { fn: r.id };
      if (r.type === "AWS::Lambda::Alias") {
        const base = this.target(get(r.props, "FunctionName"), depth + 1);
        const q = str2(get(r.props, "Name"));
        return { ...base, ...q ? { qualifier: q } : {} };
      }
      if (r.type === "AWS::Lambda::Version") return this.target(get(r.props, "FunctionName"), depth + 1);
      return {};
    }
    const s = str2(n);
    return s ? this.byName(s) : {};
  }
  byName(s) {
    const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::(.+))?$/.exec(s);
    const name = m ? m[1] : s;
    const qualifier = m?.[2];
    for (const r of this.resources.values()) {
      if (FUNCTION_TYPES.has(r.type) && this.functionNameOf(r.id) === name) {
        return { fn: r.id, ...qualifier ? { qualifier } : {} };
      }
    }
    return { name, ...qualifier ? { qualifier } : {} };
  }
  fnKey(t) {
    return t.fn ?? (t.name ? `name:${t.name}` : void 0);
  }
  /** Whether anything outside the resource's own lines mentions its logical id (Ref, GetAtt, DependsOn\u{2026}). */
  referenced(res) {
    const text = this.doc.file.text;
    const lines = entryLines(this.doc, res.entry);
    const re = new RegExp(`\\b${res.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
    for (const m of text.matchAll(re)) {
      const line = lineOf2(this.doc, m.index);
      if (line < lines.startLine || line > lines.endLine) return true;
    }
    return false;
  }
  // ------------------------------------------------------------ functions
  collectFunctions() {
    for (const r of this.resources.values()) {
      if (!FUNCTION_TYPES.has(r.type)) continue;
      const functionName = this.literal(get(r.props, "FunctionName"));
      this.functions.push({
        flavour: r.type === "AWS::Serverless::Function" ? "sam" : this.t.flavour,
        path: this.path,
        address: r.id,
        logicalId: r.id,
        ...functionName ? { functionName } : {},
        ...this.t.stackName ? { stackName: this.t.stackName } : {}
      });
    }
  }
  iacFunction(fnId) {
    return fnId ? this.functions.find((f) => f.logicalId === fnId) : void 0;
  }
  // ------------------------------------------------------------ exposure facts (LG001\u{2013}LG003)
  /** A node as policy JSON: intrinsics that resolve to one literal become it, others a placeholder. */
  json(n) {
    if (!n) return void 0;
    const fn = intrinsic(n);
    if (fn) {
      if (fn.fn === "Ref" && str2(fn.arg) === "AWS::AccountId") return OWN_ACCOUNT;
      const lits = this.literals(n);
      const star = lits.find((l) => l.value === "*");
      return star?.value ?? (lits.length === 1 ? lits[0].value : `\${${fn.fn}}`);
    }
    if (n.kind === "map") return Object.fromEntries(n.entries.map((e) => [e.key, this.json(e.value)]));
    if (n.kind === "seq") return n.items.map((i) => this.json(i));
    return n.value;
  }
  /** An `AWS::Lambda::Permission` as the statement Lambda writes for it (AddPermission's own mapping). */
  permissionStatement(props2) {
    const principal = String(this.json(get(props2, "Principal")) ?? "");
    const condition2 = {};
    const add = (op, key, prop) => {
      const v = this.json(get(props2, prop));
      if (v !== void 0) condition2[op] = { ...condition2[op], [key]: v };
    };
    add("ArnLike", "aws:SourceArn", "SourceArn");
    add("StringEquals", "aws:SourceAccount", "SourceAccount");
    add("StringEquals", "aws:PrincipalOrgID", "PrincipalOrgID");
    add("StringEquals", "lambda:EventSourceToken", "EventSourceToken");
    const auth = this.literals(get(props2, "FunctionUrlAuthType")).map((l) => l.value.toUpperCase());
    if (auth.length > 0)
      condition2.StringEquals = {
        ...condition2.StringEquals,
        "lambda:FunctionUrlAuthType": auth.includes("NONE") ? "NONE" : auth[0]
      };
    if (isTrue(get(props2, "InvokedViaFunctionUrl")))
      condition2.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    return {
      Effect: "Allow",
      Principal: principalJson2(principal),
      Action: this.json(get(props2, "Action")) ?? "lambda:InvokeFunction",
      Resource: "*",
      ...Object.keys(condition2).length > 0 ? { Condition: condition2 } : {}
    };
  }
  /** The auth type of a URL, with the literals that say NONE (where the fix goes). */
  authFact(node) {
    if (!node) return { auth: { kind: "unknown", detail: "AuthType missing" }, none: [] };
    const lits = this.literals(node);
    const none = lits.filter((l) => l.value.toUpperCase() === "NONE");
    if (!intrinsic(node)) {
      const v = str2(node)?.toUpperCase();
      return {
        auth: v === "NONE" || v === "AWS_IAM" ? { kind: v } : { kind: "unknown", detail: `AuthType ${v}` },
        none
      };
    }
    if (none.length > 0)
      return { auth: { kind: "conditional", condition: none[0].via.map(condition).join(" and ") }, none };
    if (lits.length > 0 && lits.every((l) => l.value.toUpperCase() === "AWS_IAM"))
      return { auth: { kind: "AWS_IAM" }, none };
    return { auth: { kind: "unknown", detail: "AuthType is computed" }, none };
  }
  ref(res, at, target, extra = {}) {
    const fn = this.iacFunction(target.fn);
    return {
      path: this.path,
      line: lineOf2(this.doc, (at ?? res.entry.value).start),
      address: res.id,
      resourceRange: entryLines(this.doc, res.entry),
      ...fn ? { function: fn } : {},
      ...extra
    };
  }
  /** Removes a permission, or narrows it to the account when something else references it. */
  removePermission(res) {
    if (!this.referenced(res)) {
      const e = editRemoveEntry(this.doc, this.t.resources, res.id);
      return e ? { edits: [e], notes: [`removed AWS::Lambda::Permission ${res.id}`] } : { unfixable: `${res.id} cannot be removed safely; remove it by hand` };
    }
    const principal = this.literals(get(res.props, "Principal")).find((l) => l.value === "*");
    if (!principal || principal.via.length > 0)
      return {
        unfixable: `${res.id} is referenced elsewhere and its Principal is not a literal "*"; narrow it by hand`
      };
    const edits = [editReplaceWithRef(this.doc, principal.node, "AWS::AccountId")];
    const auth = get(res.props, "FunctionUrlAuthType");
    if (auth?.kind === "scalar" && !auth.tag) edits.push(editReplaceScalar(this.doc, auth, "AWS_IAM"));
    return {
      edits,
      notes: [
        `narrowed AWS::Lambda::Permission ${res.id} to this account (Principal: !Ref AWS::AccountId); it is referenced elsewhere, so it was kept`
      ]
    };
  }
  scopePermission(res) {
    const p = this.literals(get(res.props, "Principal")).find((l) => l.value === "*");
    if (!p) return { unfixable: "the Principal is not a literal; scope it by hand" };
    if (p.via.length > 0)
      return { unfixable: `Principal "*" comes from ${p.via.join(" \u2192 ")}; scope it there by hand` };
    return {
      edits: [editReplaceWithRef(this.doc, p.node, "AWS::AccountId")],
      notes: [
        "Principal narrowed to this account (!Ref AWS::AccountId). If an AWS service invokes the function, set Principal to that service and add SourceArn/SourceAccount."
      ]
    };
  }
  removePolicyStatements(res, labels) {
    const seq = get(get(res.props, "PolicyDocument"), "Statement");
    const count = listOf(seq).length;
    const idx = labels.map((l) => Number(/\[(\d+)\]$/.exec(l)?.[1])).sort((a, b) => b - a);
    if (seq?.kind === "seq" && idx.length < count) {
      const edits = idx.map((i) => editRemoveItem(this.doc, seq, i));
      if (edits.every((e2) => e2))
        return {
          edits,
          notes: [`removed ${labels.join(", ")} from AWS::Lambda::ResourcePolicy ${res.id}`]
        };
      return { unfixable: `${labels.join(", ")} cannot be removed safely; remove them by hand` };
    }
    const e = this.referenced(res) ? void 0 : editRemoveEntry(this.doc, this.t.resources, res.id);
    return e ? {
      edits: [e],
      notes: [`removed AWS::Lambda::ResourcePolicy ${res.id} (every statement in it was public)`]
    } : { unfixable: `${res.id} is referenced elsewhere; remove its public statements by hand` };
  }
  /** The facts of every function the template touches, keyed by logical id or literal name. */
  exposureFacts() {
    const out = /* @__PURE__ */ new Map();
    const of = (t) => {
      const k = this.fnKey(t) ?? "(unresolved function)";
      const e = out.get(k) ?? { target: t, urls: [], statements: [] };
      out.set(k, e);
      return e;
    };
    const globalUrl = get(get(this.t.globals, "Function"), "FunctionUrlConfig");
    for (const r of this.resources.values()) {
      if (r.type === "AWS::Lambda::Url" || r.type === "AWS::Serverless::Function" && (get(r.props, "FunctionUrlConfig") || globalUrl)) {
        const sam = r.type === "AWS::Serverless::Function";
        const own = sam ? get(r.props, "FunctionUrlConfig") : r.props;
        const ownAuth = get(own, "AuthType");
        const authNode = ownAuth ?? (sam ? get(globalUrl, "AuthType") : void 0);
        const target = sam ? { fn: r.id } : this.target(get(r.props, "TargetFunctionArn"));
        const q = this.literal(get(r.props, sam ? "AutoPublishAlias" : "Qualifier")) ?? target.qualifier;
        const e = of(target);
        if (!e) continue;
        const { auth, none } = this.authFact(authNode);
        const viaGlobals = sam && !ownAuth;
        const at = ownAuth ?? (viaGlobals ? authNode : void 0) ?? r.entry.value;
        const defined = none.find((l) => l.via.length > 0);
        const ref = this.ref(r, at, target, {
          ...defined || viaGlobals ? {
            evidence: {
              definedAt: `${this.path}:${lineOf2(this.doc, (defined?.node ?? authNode ?? at).start)}`,
              ...viaGlobals ? { via: ["Globals.Function.FunctionUrlConfig"] } : {}
            }
          } : {},
          setIam: () => this.setIam(none, viaGlobals)
        });
        const url = { qualifier: q ?? null, auth, ref };
        e.urls.push(url);
        if (sam && auth.kind === "NONE")
          for (const s of publicUrlStatements("sam"))
            e.statements.push({
              qualifier: url.qualifier,
              label: `${r.id}${s.label.replace("<Function>", "")}`,
              statement: s.statement,
              provenance: { kind: "toolchain", by: "sam" },
              ref
            });
      } else if (r.type === "AWS::Lambda::Permission") {
        const target = this.target(get(r.props, "FunctionName"));
        of(target)?.statements.push({
          qualifier: target.qualifier ?? null,
          label: r.id,
          statement: this.permissionStatement(r.props),
          provenance: { kind: "code" },
          ref: this.ref(r, get(r.props, "Principal"), target, {
            group: { key: r.id, remove: () => this.removePermission(r) },
            scope: () => this.scopePermission(r)
          })
        });
      } else if (r.type === "AWS::Lambda::ResourcePolicy") {
        const target = this.target(get(r.props, "ResourceArn"));
        const e = of(target);
        listOf(get(get(r.props, "PolicyDocument"), "Statement")).forEach((s, i) => {
          const statement = this.json(s);
          if (!e || !statement || typeof statement !== "object") return;
          e.statements.push({
            qualifier: target.qualifier ?? null,
            label: `${r.id}.Statement[${i}]`,
            statement,
            provenance: { kind: "code" },
            ref: this.ref(r, get(s, "Principal") ?? s, target, {
              group: { key: r.id, remove: (labels) => this.removePolicyStatements(r, labels) },
              scope: () => ({
                unfixable: "a public statement in an AWS::Lambda::ResourcePolicy: scope its Principal by hand"
              })
            })
          });
        });
      }
    }
    return out;
  }
  setIam(none, viaGlobals) {
    if (none.length === 0)
      return {
        unfixable: "the AuthType is not a literal NONE in this template; set it to AWS_IAM where it is decided"
      };
    const seen = /* @__PURE__ */ new Set();
    const edits = [];
    for (const l of none) {
      if (seen.has(l.node.start)) continue;
      seen.add(l.node.start);
      edits.push(editReplaceScalar(this.doc, l.node, "AWS_IAM"));
    }
    const via = [...new Set(none.flatMap((l) => l.via))];
    const notes = [];
    const params = via.filter((v) => v.startsWith("parameter"));
    if (params.length > 0)
      notes.push(
        `AuthType comes from a parameter: its Default was changed to AWS_IAM (${params.join(", ")}); stacks deployed with an explicit parameter value keep that value.`
      );
    if (viaGlobals)
      notes.push(
        "AuthType NONE is set in Globals.Function.FunctionUrlConfig: changed there, for every function."
      );
    if (via.some((v) => v.startsWith("!If")))
      notes.push(`The NONE branch of the condition was changed to AWS_IAM (${via.join(", ")}).`);
    return { edits, notes };
  }
  urlFindings() {
    const fromGlobals = /* @__PURE__ */ new Map();
    for (const [key, e] of this.exposureFacts()) {
      const fn = this.iacFunction(e.target.fn);
      const functionName = fn?.functionName ?? e.target.name;
      const { exposures, skipped } = decideExposure(
        { target: { ...functionName ? { functionName } : {} }, urls: e.urls, statements: e.statements },
        this.t.now ?? /* @__PURE__ */ new Date()
      );
      for (const x of skipped)
        this.coverage.push({
          scope: `${this.path}:${x.fact.ref.line}`,
          status: "partial",
          detail: `${x.fact.label} was not analysed: ${x.error}`
        });
      for (const x of exposures) {
        const res = x.url ? this.resources.get(x.url.ref.address) : void 0;
        const sam = res?.type === "AWS::Serverless::Function";
        const f = exposureFinding(x, {
          flavour: sam ? "sam" : this.t.flavour,
          subject: `${x.url ? sam ? "SAM function" : "function URL" : "function"} ${x.url?.ref.address ?? key}${x.qualifier ? ` on alias ${x.qualifier}` : ""}${x.url?.ref.evidence?.via ? " (AuthType from Globals.Function)" : ""}`,
          ...functionName ? { functionName } : {}
        });
        const skip = x.rule === "LG001" && res ? checkovSkip(res, "CKV_AWS_258") : void 0;
        if (skip !== void 0) {
          f.finding.suppression = {
            source: "checkov",
            reason: skip || "CKV_AWS_258 skipped in the resource Metadata"
          };
          delete f.fix;
          f.unfixable = "exposure marked intended (Checkov skip CKV_AWS_258 in the resource Metadata)";
        }
        const g = x.url?.ref.evidence?.via ? `${x.rule}/${x.severity}/${x.qualifier ?? ""}` : void 0;
        const first = g ? fromGlobals.get(g) : void 0;
        if (g && !first) {
          fromGlobals.set(g, f);
          f.finding.resource.iac = {
            ...f.finding.resource.iac,
            address: "Globals.Function.FunctionUrlConfig"
          };
          f.finding.evidence = { ...f.finding.evidence, functions: [x.url.ref.address] };
          f.finding.fingerprint = fingerprint(x.rule, this.path, "Globals.Function.FunctionUrlConfig");
        } else if (first) {
          first.finding.evidence.functions.push(x.url.ref.address);
          first.finding.message = `SAM functions ${first.finding.evidence.functions.join(", ")} (AuthType from Globals.Function): ${x.reason}.`;
          delete first.finding.resource.functionName;
          continue;
        }
        this.findings.push(f);
      }
    }
  }
  // ------------------------------------------------------------ IAM (LG005)
  iamFindings() {
    const groups = /* @__PURE__ */ new Map();
    const byName = /* @__PURE__ */ new Map();
    const lines = (r) => entryLines(this.doc, r.entry);
    for (const r of this.resources.values()) {
      const kind = r.type === "AWS::IAM::Role" ? "role" : r.type === "AWS::IAM::User" ? "user" : r.type === "AWS::IAM::Group" ? "group" : r.type === "AWS::Serverless::Function" && !get(r.props, "Role") ? "role" : void 0;
      if (!kind) continue;
      const nameKey = kind === "role" ? "RoleName" : kind === "user" ? "UserName" : "GroupName";
      const name = r.type === "AWS::Serverless::Function" ? void 0 : this.literal(get(r.props, nameKey));
      const identity = {
        flavour: r.type === "AWS::Serverless::Function" ? "sam" : this.t.flavour,
        path: this.path,
        address: r.id,
        kind,
        ...name ? { name } : {},
        policyNames: []
      };
      const g = {
        identity,
        statements: [],
        managed: [],
        ...r.type === "AWS::Serverless::Function" ? { label: `the role SAM generates for ${r.id} (${r.id}Role)` } : {}
      };
      if (name) byName.set(name, r.id);
      if (r.type === "AWS::Serverless::Function") {
        listOf(get(r.props, "Policies")).forEach((p, i) => {
          const s = str2(p);
          if (s) {
            g.managed.push(s);
            identity.policyNames.push(s);
            return;
          }
          if (p.kind !== "map") return;
          const stmts = get(p, "Statement");
          if (!stmts) return;
          for (const s2 of readPolicyDocument(p)) {
            g.statements.push(
              this.owned(s2, r, `Policies[${i}]`, `SAM function ${r.id} Policies[${i}]`, lines(r))
            );
          }
        });
      } else {
        listOf(get(r.props, "Policies")).forEach((p, i) => {
          const pname = this.literal(get(p, "PolicyName")) ?? `Policies[${i}]`;
          identity.policyNames.push(pname);
          for (const s of readPolicyDocument(get(p, "PolicyDocument"))) {
            g.statements.push(
              this.owned(s, r, pname, `policy ${pname} of ${kind} ${name ?? r.id}`, lines(r))
            );
          }
        });
        for (const m of listOf(get(r.props, "ManagedPolicyArns"))) {
          const lit = this.literal(m);
          if (lit) g.managed.push(lit);
        }
      }
      groups.set(r.id, g);
    }
    for (const r of this.resources.values()) {
      if (r.type !== "AWS::IAM::Policy" && r.type !== "AWS::IAM::ManagedPolicy") continue;
      const pname = this.literal(get(r.props, r.type === "AWS::IAM::Policy" ? "PolicyName" : "ManagedPolicyName")) ?? r.id;
      const stmts = readPolicyDocument(get(r.props, "PolicyDocument")).map(
        (s) => this.owned(
          s,
          r,
          pname,
          `${r.type === "AWS::IAM::Policy" ? "policy" : "managed policy"} ${pname}`,
          lines(r)
        )
      );
      const attached = [];
      for (const k of ["Roles", "Users", "Groups"]) {
        for (const n of listOf(get(r.props, k))) {
          const fn = intrinsic(n);
          const ref = fn?.fn === "Ref" ? str2(fn.arg) : void 0;
          const id = ref && groups.has(ref) ? ref : byName.get(str2(n) ?? "") ?? void 0;
          if (id) attached.push(id);
        }
      }
      for (const gid of groups.keys()) {
        const res = this.resources.get(gid);
        for (const m of listOf(get(res?.props, "ManagedPolicyArns"))) {
          const fn = intrinsic(m);
          if (fn?.fn === "Ref" && str2(fn.arg) === r.id) attached.push(gid);
        }
      }
      if (attached.length === 0) {
        const identity = {
          flavour: this.t.flavour,
          path: this.path,
          address: r.id,
          kind: "policy",
          name: pname,
          policyNames: [pname]
        };
        groups.set(r.id, { identity, statements: stmts, managed: [] });
        continue;
      }
      for (const id of new Set(attached)) {
        const g = groups.get(id);
        g.statements.push(...stmts);
        g.identity.policyNames.push(pname);
      }
    }
    const list = [...groups.values()];
    for (const g of list) {
      if (g.identity.policyNames?.length === 0) delete g.identity.policyNames;
      if (g.statements.length > 0 || g.identity.kind !== "policy") this.identities.push(g.identity);
    }
    this.findings.push(...lg005Findings(this.doc, this.t.flavour, list));
  }
  owned(s, r, policy, label, resourceRange) {
    return {
      ...s,
      address: r.id,
      key: `${policy}#${s.sid ?? s.index}`,
      resourceRange,
      label: `${label}, statement ${s.sid ?? s.index}`
    };
  }
};
function checkovSkip(res, id) {
  const skips = listOf(get(get(get(res.entry.value, "Metadata"), "checkov"), "skip"));
  for (const s of skips) {
    if (str2(get(s, "id")) === id) return str2(get(s, "comment")) ?? "";
  }
  return void 0;
}

// src/iac/cloudformation/index.ts
var TEMPLATE_EXT = /\.(ya?ml|json|template|cfn)$/i;
var IGNORED_DIRS = /(^|\/)(node_modules|cdk\.out|\.aws-sam|\.serverless|\.git)\//;
function isServerlessText(text) {
  return /^service\s*:/m.test(text) && /^provider\s*:/m.test(text);
}
function claims(file) {
  if (!TEMPLATE_EXT.test(file.path) || IGNORED_DIRS.test(file.path)) return false;
  const head = file.text.length > 2e5 ? file.text.slice(0, 2e5) : file.text;
  if (isServerlessText(head)) return false;
  if (/AWSTemplateFormatVersion/.test(head)) return true;
  if (/AWS::Serverless-2016-10-31/.test(head)) return true;
  return /(^|["\s])Resources"?\s*:/m.test(head) && /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(head);
}
function isSam(doc) {
  return listOf(get(doc.root, "Transform")).some((t) => /AWS::Serverless/.test(str2(t) ?? ""));
}
function stackNameFor(path, ctx) {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  for (const name of ["samconfig.toml", "samconfig.yaml", "samconfig.yml"]) {
    const f = ctx.files.get(`${dir}${name}`);
    const m = f ? /stack_name\s*[=:]\s*["']?([A-Za-z0-9-]+)/.exec(f.text) : null;
    if (m?.[1]) return m[1];
  }
  return void 0;
}
async function analyze(files, ctx) {
  const result = { findings: [], coverage: [], functions: [], identities: [] };
  for (const file of files) {
    const cov = { scope: file.path, status: "complete" };
    try {
      const doc = loadSource(file);
      const err = doc.errors[0];
      if (err) {
        result.coverage.push({
          scope: file.path,
          status: "failed",
          detail: `${file.path}:${err.line}: cannot parse: ${err.message}`
        });
        continue;
      }
      const resources = get(doc.root, "Resources");
      if (resources?.kind !== "map") {
        result.coverage.push({ scope: file.path, status: "skipped", detail: "no Resources mapping" });
        continue;
      }
      const dupNote = duplicateKeyNote(doc);
      if (dupNote) Object.assign(cov, { status: "partial", detail: dupNote });
      const stackName = stackNameFor(file.path, ctx);
      const params = get(doc.root, "Parameters");
      const globals = get(doc.root, "Globals");
      const r = analyzeTemplate({
        doc,
        flavour: isSam(doc) ? "sam" : "cloudformation",
        resources,
        ...params ? { parameters: params } : {},
        ...globals ? { globals } : {},
        ...stackName ? { stackName } : {},
        ...ctx.now ? { now: ctx.now } : {}
      });
      result.findings.push(...r.findings);
      result.coverage.push(...r.coverage);
      result.functions.push(...r.functions);
      result.identities.push(...r.identities);
      result.coverage.push(cov);
    } catch (e) {
      result.coverage.push({
        scope: file.path,
        status: "failed",
        detail: `${file.path}: analysis failed: ${e instanceof Error ? e.message : String(e)}`
      });
    }
  }
  return result;
}
var cloudformationDetector = {
  flavours: ["cloudformation", "sam"],
  claims,
  analyze
};

// src/iac/serverless/variables.ts
var WHOLE = /^\$\{(.+)\}$/s;
function splitSources(inner) {
  const out = [];
  let depth = 0;
  let quote = null;
  let cur = "";
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === "{" || c === "(") depth++;
    if (c === "}" || c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
var Variables = class {
  constructor(root) {
    this.root = root;
  }
  root;
  stage = "dev";
  /** Follows `${\u{2026}}` until a non-variable node or literal; a plain node resolves to itself. */
  resolve(node, via = [], depth = 0) {
    if (!node) return { via };
    if (depth > 10) return { via };
    if (node.kind !== "scalar" || typeof node.value !== "string") {
      return { node, ...node.kind === "scalar" ? { value: node.value } : {}, via };
    }
    const m = WHOLE.exec(node.value.trim());
    if (!m || !isSingleVariable(node.value.trim())) {
      const s = this.interpolate(node.value, depth);
      return s === void 0 ? { node, via } : { node, value: s, via };
    }
    for (const src of splitSources(m[1])) {
      const r = this.source(src, [...via, `\${${m[1]}}`], depth + 1);
      if (r) return r;
    }
    return { via: [...via, node.value] };
  }
  source(src, via, depth) {
    const q = /^(['"])(.*)\1$/s.exec(src);
    if (q) return { value: q[2], via };
    if (/^-?\d+(\.\d+)?$/.test(src)) return { value: Number(src), via };
    if (src === "true" || src === "false") return { value: src === "true", via };
    if (src.startsWith("self:")) {
      const inner = this.interpolate(src.slice(5), depth + 1);
      if (inner === void 0) return void 0;
      const path = inner.split(".").filter(Boolean);
      const n = getIn(this.root, path);
      if (!n) return void 0;
      const r = this.resolve(n, via, depth);
      return r.node || r.value !== void 0 ? r : void 0;
    }
    if (src === "sls:stage" || src === "opt:stage" || src === "self:provider.stage") {
      return src === "opt:stage" ? void 0 : { value: this.stage, via };
    }
    if (src.startsWith("${")) {
      const inner = this.resolve({ kind: "scalar", value: src, start: 0, end: 0 }, via, depth);
      return inner.value !== void 0 ? { value: inner.value, via } : void 0;
    }
    return void 0;
  }
  /** A string with embedded variables, when every one resolves to a literal. */
  interpolate(s, depth = 0) {
    if (!s.includes("${")) return s;
    let ok = true;
    const out = s.replace(/\$\{([^{}]+)\}/g, (_all, inner) => {
      for (const src of splitSources(inner)) {
        const r = this.source(src, [], depth + 1);
        if (r && r.value !== void 0 && r.value !== null) return String(r.value);
      }
      ok = false;
      return "";
    });
    return ok ? out : void 0;
  }
  /** A literal string value (numbers and booleans as text). */
  string(node) {
    const r = this.resolve(node);
    return r.value === void 0 || r.value === null ? void 0 : String(r.value);
  }
};
function isSingleVariable(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "$" && s[i + 1] === "{") {
      depth++;
      i++;
    } else if (s[i] === "}") {
      depth--;
      if (depth === 0 && i !== s.length - 1) return false;
    }
  }
  return true;
}

// src/iac/serverless/index.ts
var NAME = /(^|\/)serverless(\.[\w-]+)?\.ya?ml$/i;
var IGNORED_DIRS2 = /(^|\/)(node_modules|\.serverless|\.git)\//;
function claims2(file) {
  if (IGNORED_DIRS2.test(file.path) || !/\.ya?ml$/i.test(file.path)) return false;
  if (NAME.test(file.path)) return true;
  return /^service\s*:/m.test(file.text) && /^provider\s*:/m.test(file.text);
}
function normalizedFunctionName(name) {
  const n = name.replace(/-/g, "Dash").replace(/_/g, "Underscore");
  return n.charAt(0).toUpperCase() + n.slice(1);
}
async function analyze2(files, ctx) {
  const result = { findings: [], coverage: [], functions: [], identities: [] };
  for (const file of files) {
    try {
      const doc = loadSource(file);
      const err = doc.errors[0];
      if (err) {
        result.coverage.push({
          scope: file.path,
          status: "failed",
          detail: `${file.path}:${err.line}: cannot parse: ${err.message}`
        });
        continue;
      }
      const cov = { scope: file.path, status: "complete" };
      analyzeFile2(doc, result, cov, ctx.now ?? /* @__PURE__ */ new Date());
      const dupNote = duplicateKeyNote(doc);
      if (dupNote)
        Object.assign(cov, { status: "partial", detail: [cov.detail, dupNote].filter(Boolean).join("; ") });
      result.coverage.push(cov);
    } catch (e) {
      result.coverage.push({
        scope: file.path,
        status: "failed",
        detail: `${file.path}: analysis failed: ${e instanceof Error ? e.message : String(e)}`
      });
    }
  }
  return result;
}
function analyzeFile2(doc, out, cov, now) {
  const root = doc.root;
  const vars = new Variables(root);
  const provider = get(root, "provider");
  const serviceNode = get(root, "service");
  const service = vars.string(serviceNode?.kind === "map" ? get(serviceNode, "name") : serviceNode) ?? "service";
  const stage = vars.string(get(provider, "stage")) ?? "dev";
  vars.stage = stage;
  const region = vars.string(get(provider, "region")) ?? "us-east-1";
  const unresolved = [];
  const c = { doc, vars, service, stage, region, unresolved };
  const functions = get(root, "functions");
  const fnEntries = functions?.kind === "map" ? functions.entries : [];
  if (functions && functions.kind !== "map") unresolved.push("functions (not an inline mapping)");
  const fnByKey = /* @__PURE__ */ new Map();
  for (const e of fnEntries) {
    const nameOverride = vars.string(get(e.value, "name"));
    const fn = {
      flavour: "serverless",
      path: doc.file.path,
      address: `functions.${e.key}`,
      functionName: nameOverride ?? `${service}-${stage}-${e.key}`,
      logicalId: `${normalizedFunctionName(e.key)}LambdaFunction`,
      stackName: `${service}-${stage}`,
      serverless: { service, function: e.key, stage }
    };
    fnByKey.set(e.key, fn);
    out.functions.push(fn);
    out.findings.push(...urlExposures(c, e, fn, now));
  }
  out.findings.push(...iamFindings(c, fnEntries, out.identities));
  const resources = getIn(root, ["resources", "Resources"]);
  if (resources?.kind === "map") {
    const r = analyzeTemplate({
      doc,
      flavour: "serverless",
      resources,
      stackName: `${service}-${stage}`,
      now
    });
    out.findings.push(...r.findings);
    out.coverage.push(...r.coverage);
    out.identities.push(...r.identities);
  }
  if (unresolved.length > 0) {
    cov.status = "partial";
    cov.detail = `not analysed: ${unresolved.join(", ")}`;
  }
}
function urlExposures(c, fnEntry, fn, now) {
  const urlEntry = entry(fnEntry.value, "url");
  if (!urlEntry) return [];
  const r = c.vars.resolve(urlEntry.value);
  const value = r.node ?? urlEntry.value;
  const via = [...r.via];
  let auth = { kind: "NONE" };
  let attr = { line: lineOf2(c.doc, urlEntry.keyStart) };
  let edit;
  if (value.kind === "scalar") {
    if (r.value !== true && String(r.value).toLowerCase() !== "true") return [];
    edit = r.node ? editReplaceRaw(c.doc, value, "{ authorizer: aws_iam }", "") : void 0;
    if (via.length > 0) attr.defined = value;
  } else if (value.kind === "map") {
    const authEntry = entry(value, "authorizer");
    if (authEntry) {
      const a = c.vars.resolve(authEntry.value);
      via.push(...a.via);
      const node = a.node ?? authEntry.value;
      attr = {
        line: lineOf2(c.doc, authEntry.keyStart),
        ...a.via.length > 0 && a.node ? { defined: a.node } : {}
      };
      if (a.value === void 0)
        auth = {
          kind: "conditional",
          condition: `${String(authEntry.value.kind === "scalar" ? authEntry.value.value : "authorizer")} is not aws_iam`
        };
      else if (String(a.value).toLowerCase() === "aws_iam") auth = { kind: "AWS_IAM" };
      edit = node.kind === "scalar" && a.node && a.value !== void 0 ? editReplaceScalar(c.doc, node, "aws_iam") : void 0;
    } else {
      edit = editInsertEntry(c.doc, value, "authorizer", "aws_iam");
    }
  } else return [];
  const notes = [
    "With authorizer aws_iam the Framework creates the URL with AuthType AWS_IAM and no public permissions; callers must sign requests with SigV4."
  ];
  if (via.length > 0)
    notes.push(
      `Patched where the value is defined (${via.join(" \u2192 ")}); anything else using it changes too.`
    );
  const ref = {
    path: c.doc.file.path,
    line: attr.line,
    address: `${fn.address}.url`,
    resourceRange: entryLines(c.doc, fnEntry),
    function: fn,
    ...attr.defined || via.length > 0 ? {
      evidence: {
        via,
        ...attr.defined ? { definedAt: `${c.doc.file.path}:${lineOf2(c.doc, attr.defined.start)}` } : {}
      }
    } : {},
    setIam: () => edit ? { edits: [edit], notes } : {
      unfixable: `the url setting comes from ${via.join(" \u2192 ") || "an unresolved value"}; change it there by hand`
    }
  };
  const url = { qualifier: null, auth, ref };
  const statements = auth.kind === "AWS_IAM" ? [] : publicUrlStatements("serverless").map((s) => ({
    qualifier: null,
    label: s.label.replace("<Function>", normalizedFunctionName(fnEntry.key)),
    statement: s.statement,
    provenance: { kind: "toolchain", by: "serverless" },
    ref
  }));
  const { exposures } = decideExposure(
    {
      target: { ...fn.functionName ? { functionName: fn.functionName } : {}, region: c.region },
      urls: [url],
      statements
    },
    now
  );
  return exposures.map(
    (x) => exposureFinding(x, {
      flavour: "serverless",
      subject: `function ${fnEntry.key} (${fn.functionName})`,
      ...fn.functionName ? { functionName: fn.functionName } : {}
    })
  );
}
function owned(c, node, address, label) {
  if (node?.kind === "scalar" && typeof node.value === "string" && node.value.includes("${")) {
    c.unresolved.push(`${address} (${node.value})`);
    return [];
  }
  return readStatements(node).map((s) => ({
    ...s,
    address,
    key: `${address}#${s.sid ?? s.index}`,
    resourceRange: nodeLines(c.doc, s.node),
    label: `${label} statement ${s.sid ?? s.index}`
  }));
}
function managed(c, node) {
  return listOf(node).map((n) => c.vars.string(n)).filter((s) => !!s);
}
function iamFindings(c, fnEntries, identities) {
  const provider = get(c.doc.root, "provider");
  const role = getIn(provider, ["iam", "role"]);
  const groups = [];
  const providerStatements = [];
  const providerManaged = [];
  let roleName;
  if (role?.kind === "map") {
    providerStatements.push(
      ...owned(c, get(role, "statements"), "provider.iam.role.statements", "provider.iam.role.statements")
    );
    providerManaged.push(...managed(c, get(role, "managedPolicies")));
    roleName = c.vars.string(get(role, "name"));
  }
  providerStatements.push(
    ...owned(
      c,
      get(provider, "iamRoleStatements"),
      "provider.iamRoleStatements",
      "provider.iamRoleStatements"
    )
  );
  providerManaged.push(...managed(c, get(provider, "iamManagedPolicies")));
  const external = role?.kind === "scalar";
  if (!external && (providerStatements.length > 0 || fnEntries.length > 0)) {
    const identity = {
      flavour: "serverless",
      path: c.doc.file.path,
      address: "provider.iam.role",
      kind: "role",
      name: roleName ?? `${c.service}-${c.stage}-${c.region}-lambdaRole`,
      policyNames: [`${c.stage}-${c.service}-lambda`]
    };
    identities.push(identity);
    groups.push({ identity, statements: providerStatements, managed: providerManaged });
  }
  const defaultInherit = c.vars.string(getIn(c.doc.root, ["custom", "serverless-iam-roles-per-function", "defaultInherit"])) === "true";
  for (const e of fnEntries) {
    const stmts = get(e.value, "iamRoleStatements");
    if (!stmts) continue;
    const inheritNode = get(e.value, "iamRoleStatementsInherit");
    const inherit = inheritNode ? c.vars.string(inheritNode) === "true" : defaultInherit;
    const address = `functions.${e.key}.iamRoleStatements`;
    const identity = {
      flavour: "serverless",
      path: c.doc.file.path,
      address: `functions.${e.key}`,
      kind: "role",
      ...c.vars.string(get(e.value, "iamRoleStatementsName")) ? { name: c.vars.string(get(e.value, "iamRoleStatementsName")) } : {}
    };
    identities.push(identity);
    groups.push({
      identity,
      statements: [...owned(c, stmts, address, address), ...inherit ? providerStatements : []],
      managed: inherit ? providerManaged : []
    });
  }
  return lg005Findings(c.doc, "serverless", groups);
}
var serverlessDetector = {
  flavours: ["serverless"],
  claims: claims2,
  analyze: analyze2
};

// src/iac/detectors.ts
var DETECTORS = [
  terraformDetector,
  cloudformationDetector,
  serverlessDetector,
  cdkDetector
];

// src/iac/intent.ts
var ALLOW_RE = /lambda-guard:allow\s+(LG\d{3}(?:\s*[, ]\s*LG\d{3})*)(?:\s+(.*))?$/i;
var CHECKOV_RE = /checkov:skip\s*=\s*(CKV_AWS_\d+)(?:\s*:\s*(.*))?$/i;
var CHECKOV_RULES = { CKV_AWS_258: ["LG001"] };
function commentStart(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "#") return i;
    else if (c === "/" && (line[i + 1] === "/" || line[i + 1] === "*")) return i;
    else if (c === "*" && /^\s*$/.test(line.slice(0, i))) return i;
  }
  return -1;
}
function cleanReason(s) {
  return (s ?? "").replace(/\*\/\s*$/, "").replace(/-->\s*$/, "").trim();
}
function parseDirective(text, line) {
  const at = commentStart(text);
  if (at < 0) return null;
  const comment = text.slice(at);
  const m = ALLOW_RE.exec(comment);
  if (m) {
    const rules = m[1].split(/[\s,]+/).filter(Boolean).map((r) => r.toUpperCase());
    return { line, rules, reason: cleanReason(m[2]) || "intended (no reason given)", source: "inline" };
  }
  const c = CHECKOV_RE.exec(comment);
  if (c) {
    const rules = CHECKOV_RULES[c[1].toUpperCase()];
    if (!rules) return null;
    return {
      line,
      rules,
      reason: cleanReason(c[2]) || `checkov:skip=${c[1].toUpperCase()}`,
      source: "checkov"
    };
  }
  return null;
}
function isCommentOnly(line) {
  const t = line.trim();
  return t.startsWith("#") || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
}
function directivesFor(lines, startLine, endLine) {
  const out = [];
  let from = startLine;
  while (from - 2 >= 0 && isCommentOnly(lines[from - 2])) from--;
  for (let l = from; l <= Math.min(endLine, lines.length); l++) {
    const d = parseDirective(lines[l - 1], l);
    if (d) out.push(d);
  }
  return out;
}
function applyInlineIntent(findings, files) {
  const linesCache = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    if (f.finding.suppression) return f;
    const path = f.finding.location?.path;
    const range = f.resourceRange ?? (f.finding.location ? { startLine: f.finding.location.startLine, endLine: f.finding.location.endLine } : void 0);
    if (!path || !range) return f;
    const file = files.get(path);
    if (!file) return f;
    let lines = linesCache.get(path);
    if (!lines) {
      lines = file.text.split(/\r?\n/);
      linesCache.set(path, lines);
    }
    const hit = directivesFor(lines, range.startLine, range.endLine).find(
      (d) => d.rules.includes(f.finding.rule)
    );
    if (!hit) return f;
    const suppression = { source: hit.source, reason: hit.reason };
    return {
      ...f,
      finding: { ...f.finding, suppression, evidence: { ...f.finding.evidence, intentLine: hit.line } }
    };
  });
}

// src/iac/engine.ts
function applyRuleConfig(findings, config) {
  const out = [];
  for (const f of findings) {
    const o = config.rules[f.finding.rule];
    if (o === "off") continue;
    out.push(o ? { ...f, finding: { ...f.finding, severity: o } } : f);
  }
  return out;
}
async function scanIacFiles(files, opts) {
  const detectors = opts.detectors ?? DETECTORS;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const findings = [];
  const coverage = [];
  const functions = [];
  const identities = [];
  for (const d of detectors) {
    const claimed = files.filter((f) => {
      try {
        return d.claims(f);
      } catch {
        return false;
      }
    });
    if (claimed.length === 0) continue;
    const scope = `iac/${d.flavours.join("+")}`;
    try {
      const r = await d.analyze(claimed, { config: opts.config, files: byPath, now: opts.now ?? /* @__PURE__ */ new Date() });
      findings.push(...r.findings);
      coverage.push(...r.coverage);
      functions.push(...r.functions);
      identities.push(...r.identities);
      coverage.push({
        scope,
        status: "complete",
        detail: `${claimed.length} file${claimed.length === 1 ? "" : "s"} analysed`
      });
    } catch (err) {
      coverage.push({
        scope,
        status: "failed",
        detail: `detector failed on ${claimed.length} files: ${err instanceof Error ? err.message : String(err)}`
      });
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const unique = findings.filter(
    (f) => seen.has(f.finding.fingerprint) ? false : (seen.add(f.finding.fingerprint), true)
  );
  const configured = applyRuleConfig(unique, opts.config);
  const withIntent = applyInlineIntent(configured, byPath);
  const allowed = applyAllowList(
    withIntent.map((f) => f.finding),
    opts.config,
    opts.now ?? /* @__PURE__ */ new Date()
  );
  const result = withIntent.map((f, i) => ({ ...f, finding: allowed[i] }));
  return { findings: result, coverage, functions, identities };
}

// src/iac/scan.ts
function repoPrefix(repoRoot, root) {
  const rel = relative(resolve(repoRoot), resolve(root));
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? "" : rel.split(sep).join("/");
}
async function scanIac(root, opts) {
  const tree = await readIacTree(root, opts.prefix !== void 0 ? { prefix: opts.prefix } : {});
  const result = await scanIacFiles(tree.files, opts);
  const coverage = [...tree.coverage, ...result.coverage];
  const report = buildReport({
    version: VERSION,
    target: { kind: "iac", root: relative(process.cwd(), root) || "." },
    coverage,
    findings: result.findings.map((f) => f.finding),
    ...opts.now ? { now: opts.now } : {}
  });
  return { report, ...result, coverage };
}

export {
  parseTree2 as parseTree,
  printParseErrorCode,
  parse2 as parse,
  parseEdited,
  firstError,
  lineAt,
  trailingCommas,
  dropTrailingCommas,
  scanIacFiles,
  repoPrefix,
  scanIac
};

// The review page: clicking a cell of the report opens the comment box for that cell, without reloading the page.
// Without script each cell is a link to the same page with the cell chosen, so the behaviour is the same, one load later.
(function () {
  'use strict';
  var target = document.getElementById('Comment_Target');
  var text = document.getElementById('Comment_Text');
  if (!target || !text) { return; }
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a[data-comment-target]') : null;
    if (!link) { return; }
    e.preventDefault();
    target.value = link.dataset.commentTarget;
    var box = document.getElementById('comment-box');
    if (box) { box.classList.add('comment-box--open'); box.scrollIntoView({ block: 'center' }); }
    text.focus();
  });
  // Arrived by the no-script link (…?comment=cell:…#comment-form): put the cursor where the comment is typed.
  if (window.location.hash === '#comment-form' && target.value) { text.focus(); }
})();
